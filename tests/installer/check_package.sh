#!/usr/bin/env bash
# check_package.sh BUILD_DIR VERSION WITH_CUDA: builds the Debian package with cpack from an
# already built tree, checks its files and control fields with dpkg-deb, validates the desktop
# metadata, then unpacks it into a scratch root and runs the unpacked programs: `tiertune-cli
# doctor` must report the hardware and the GPU status in words, with the packaged CUDA module and
# without it. Every failure says what was expected.
set -euo pipefail
build=$1
version=$2
with_cuda=$3
scratch=$(realpath "$(mktemp -d "${TMPDIR:-/tmp}/tiertune-package.XXXXXX")")  # as /proc/self/exe names it
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" > "$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log" >&2; fail "cpack could not build the package"; }
deb="$scratch/out/tiertune_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $(basename "$deb") in $(ls "$scratch/out")"

# The files a desktop installation needs.
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$scratch/files"
expected=(/usr/bin/tiertune /usr/bin/tiertune-cli /usr/share/applications/tiertune.desktop
          /usr/share/icons/hicolor/scalable/apps/tiertune.svg
          /usr/share/metainfo/io.github.tiertune.Tiertune.metainfo.xml)
sizes=(16 22 24 32 48 64 128 256)
for size in "${sizes[@]}"; do expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/tiertune.png"); done
for language in ko ja zh_TW; do expected+=("/usr/share/tiertune/translations/tiertune_$language.qm"); done
[ "$with_cuda" = ON ] && expected+=(/usr/lib/tiertune/libtiertune-cuda.so)
for file in "${expected[@]}"; do
  grep -qxF "$file" "$scratch/files" || fail "the package lacks $file"
done
echo "files: ${#expected[@]} expected files present"

# Control fields: the libraries the programs link, nothing from CUDA as a hard dependency.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = tiertune ] || fail "Package is '$(field Package)', not tiertune"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is '$(field Architecture)', not amd64"
depends=$(field Depends)
echo "Depends: $depends"
for library in libqt6widgets6 libqt6svg6 libqt6charts6 libsqlite3-0 liburing2 libopenblas0 libssl3 libstdc++6; do
  [[ "$depends" == *"$library"* ]] || fail "Depends lacks $library"
done
if grep -qiE 'cuda|cublas|nvidia' <<< "$depends"; then fail "Depends names a CUDA package: $depends"; fi
echo "Suggests: $(field Suggests)"

# Unpacked: the icons are PNGs of their size, the metainfo valid, the programs start.
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for size in "${sizes[@]}"; do
  file "$root/usr/share/icons/hicolor/${size}x${size}/apps/tiertune.png" | grep -q "PNG image data, $size x $size" ||
    fail "the ${size}x${size} icon is not a $size x $size PNG"
done
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.tiertune.Tiertune.metainfo.xml" ||
  fail "appstreamcli rejects the metainfo"
# --version without any display, as over ssh: it must print, not abort in the platform plugin.
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/tiertune" --version | grep -qF "$version" ||
  fail "the packaged tiertune --version does not print $version"

export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/config" XDG_DATA_HOME="$scratch/home/data"
doctor() { "$root/usr/bin/tiertune-cli" doctor --skip-speed --offload-folder "$scratch/offload"; }
doctor > "$scratch/doctor.txt" 2>&1 || { cat "$scratch/doctor.txt" >&2; fail "the packaged tiertune-cli doctor failed"; }
cat "$scratch/doctor.txt"
grep -qE '^CPU +[^ ]' "$scratch/doctor.txt" || fail "doctor reports no CPU"
grep -qE '^Memory +[0-9]' "$scratch/doctor.txt" || fail "doctor reports no memory"
gpu=$(sed -n 's/^GPU  *//p' "$scratch/doctor.txt")
[ -n "$gpu" ] || fail "doctor reports nothing about the GPU"
if [ "$with_cuda" = ON ]; then
  # The module the package installed, found relative to the unpacked program: a found GPU, no GPU,
  # or the CUDA library that is missing on this machine, in words; never "not installed".
  [[ "$gpu" == *"compute "* || "$gpu" == "No NVIDIA GPU found"* || "$gpu" == *"is missing"* ]] ||
    fail "doctor's GPU line is neither a GPU, 'No NVIDIA GPU found' nor a missing library: $gpu"
  [[ "$gpu" != *"not installed"* ]] || fail "the unpacked doctor did not find the packaged CUDA module: $gpu"
  # Without the module the answer is the same CPU training, and the missing file by name.
  rm "$root/usr/lib/tiertune/libtiertune-cuda.so"
  doctor > "$scratch/doctor_without_module.txt" 2>&1 ||
    { cat "$scratch/doctor_without_module.txt" >&2; fail "doctor failed without the CUDA module"; }
  grep -qF "The GPU cannot be used: Tiertune's GPU module libtiertune-cuda.so is not installed (looked in $root/usr/bin and $root/usr/lib/tiertune). Training runs on the CPU." \
    "$scratch/doctor_without_module.txt" || { cat "$scratch/doctor_without_module.txt" >&2;
    fail "without the CUDA module doctor does not say it is not installed"; }
else
  [[ "$gpu" == "This build of Tiertune has no CUDA support"* ]] || fail "doctor's GPU line: $gpu"
fi
echo "package $(basename "$deb") checked"
