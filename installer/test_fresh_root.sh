#!/usr/bin/env bash
# test_fresh_root.sh [--if-enabled] PACKAGE.deb|BUILD_DIR
#
# Installs the Debian package into a fresh Debian 12 root, as a newcomer's machine would get it:
# debootstrap's minimal system, then `apt-get install ./tiertune_*_amd64.deb`, which must pull
# every library the programs need from the Debian archive. Then, inside that root, `tiertune
# --version`, `tiertune-cli doctor` (which must say in words whether a GPU can be used), the
# application started offscreen, and `apt-get remove tiertune`, after which no file of the package
# may be left. With a build folder instead of a .deb, the package is built first with cpack.
#
# Needs root (debootstrap, chroot, mounts), debootstrap and network access to a Debian mirror
# (TIERTUNE_DEBIAN_MIRROR, by default http://deb.debian.org/debian); takes a few minutes. The root
# lives in a temporary folder under ${TMPDIR:-/var/tmp} and is removed afterwards.
# With --if-enabled (how CTest calls it) it runs only when TIERTUNE_FRESH_ROOT_TEST=1 and otherwise
# exits with 77, which CTest reports as skipped.
set -euo pipefail
skipped=77
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "${1:-}" = --if-enabled ]; then
  shift
  if [ "${TIERTUNE_FRESH_ROOT_TEST:-}" != 1 ]; then
    echo "Skipped: set TIERTUNE_FRESH_ROOT_TEST=1 to install the package into a fresh Debian 12 root" \
         "(needs root, debootstrap and network access)."
    exit $skipped
  fi
fi
[ $# -eq 1 ] || { echo "usage: $0 [--if-enabled] PACKAGE.deb|BUILD_DIR" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || fail "this test needs root (debootstrap, chroot and mounts): run it with sudo"
command -v debootstrap >/dev/null || fail "debootstrap is not installed: apt-get install debootstrap"
mirror=${TIERTUNE_DEBIAN_MIRROR:-http://deb.debian.org/debian}

work=$(mktemp -d "${TMPDIR:-/var/tmp}/tiertune-fresh-root.XXXXXX")
root="$work/root"
mounted=()
# Unmount what was mounted, newest first; the folder is removed only when nothing is mounted in it
# any more, so that a failed unmount can never delete the host's /dev.
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" || umount -l "${mounted[i]}" || true
  done
  if findmnt -rn -o TARGET | grep -qF "$work/"; then
    echo "Left $work in place: something is still mounted in it." >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# The package: given, or built from the build folder.
if [ -d "$1" ]; then
  cpack -G DEB --config "$1/CPackConfig.cmake" -B "$work/package" > "$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack could not build the package from $1"; }
  deb=$(find "$work/package" -maxdepth 1 -name 'tiertune_*_amd64.deb' | head -n 1)
  [ -n "$deb" ] || fail "cpack wrote no tiertune_*_amd64.deb in $work/package"
else
  deb=$1
  [ -f "$deb" ] || fail "there is no package $deb"
fi
echo "package: $(basename "$deb")"

echo "debootstrap --variant=minbase bookworm from $mirror ..."
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 ||
  { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap could not create a Debian 12 root (see above)"; }
mount_into() {  # mount_into TARGET MOUNT-ARGUMENTS...
  local target="$root/$1"
  shift
  mount "$@" "$target"
  mounted+=("$target")
}
# The root a mount point of its own, as on a machine (and as arch-chroot does it): otherwise
# /proc/self/mounts inside lists no mount for "/" and doctor cannot name the file system.
mount_into "" --bind "$root"
mount_into proc -t proc proc
mount_into sys -t sysfs sysfs
mount_into dev --bind /dev
mount_into dev/pts --bind /dev/pts

# Commands inside the root run with a clean environment, as root's login would have it.
inside() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
cp "$deb" "$root/root/"
package="/root/$(basename "$deb")"

inside apt-get update -q > "$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update failed in the root"; }
inside apt-get install -y -q "$package" >> "$work/apt.log" 2>&1 ||
  { tail -n 30 "$work/apt.log" >&2; fail "apt-get install could not install the package with its dependencies"; }
grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$work/apt.log" | tail -n 1
inside dpkg -L tiertune > "$work/files"

# The programs start, and every library they link was installed (ldd names no missing one).
for program in /usr/bin/tiertune /usr/bin/tiertune-cli; do
  if inside ldd "$program" | grep -F 'not found'; then fail "$program needs libraries the package does not depend on"; fi
done
version=$(inside tiertune-cli --version) || fail "tiertune-cli --version failed"
echo "$version"
inside tiertune --version | grep -qxF "Tiertune ${version#tiertune-cli }" ||
  fail "tiertune --version (without a display) does not print 'Tiertune ${version#tiertune-cli }'"

inside tiertune-cli doctor --speed-bytes 64 > "$work/doctor.txt" 2>&1 ||
  { cat "$work/doctor.txt" >&2; fail "tiertune-cli doctor failed in the fresh root"; }
cat "$work/doctor.txt"
gpu=$(sed -n 's/^GPU  *//p' "$work/doctor.txt")
# A GPU with its compute capability, or CPU training with the reason in words.
[[ "$gpu" == *"compute "* || "$gpu" == *"Training runs on the CPU."* || "$gpu" == *"training runs on the CPU."* ]] ||
  fail "doctor's GPU line neither names a GPU nor says that training runs on the CPU: $gpu"
grep -qE '^Offload +/.* \([a-z0-9]+\): ' "$work/doctor.txt" || fail "doctor does not name the offload folder's file system"
grep -qE '^Disk speed +write [0-9]' "$work/doctor.txt" || fail "doctor measured no disk speed"

# The application starts (offscreen: the root has no display) and is still running after 5 s, with
# the Qt plugins it needs (platform, SVG icons) found.
set +e
inside sh -c 'QT_QPA_PLATFORM=offscreen timeout 5 tiertune' > "$work/gui.log" 2>&1
status=$?
set -e
[ $status -eq 124 ] || { cat "$work/gui.log" >&2; fail "the application ended with status $status within 5 s instead of running"; }
if grep -iE 'could not (load|find)|cannot load' "$work/gui.log"; then fail "the application could not load a Qt plugin"; fi
echo "the application started and ran for 5 s"

# Removal leaves none of the package's files (directories shared with other packages may stay).
inside apt-get remove -y -q tiertune > "$work/remove.log" 2>&1 ||
  { cat "$work/remove.log" >&2; fail "apt-get remove tiertune failed"; }
left=()
while read -r file; do
  [ -d "$root$file" ] && continue
  [ -e "$root$file" ] && left+=("$file")
done < "$work/files"
[ ${#left[@]} -eq 0 ] || fail "apt-get remove left ${left[*]}"
echo "apt-get remove tiertune left none of its $(wc -l < "$work/files") paths' files"
echo "package $(basename "$deb") installs, runs and removes cleanly in a fresh Debian 12 root"
