#!/usr/bin/env bash
# Installs the Debian 12 packages that Tiertune needs to build, test and run — only the missing
# ones, so a machine that has them all pays nothing. Run as root (or with sudo available).
# The CUDA toolkit is optional and not a Debian package: when nvcc is present (PATH or
# /usr/local/cuda) the CUDA backend is built as well.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git  # toolchain
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev  # Qt 6 Widgets, Test, SVG icons
  qt6-charts-dev         # loss curves of the run history and the run monitor (Qt Charts)
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools  # Qt Linguist: lupdate, lrelease
  libsqlite3-dev         # the catalog
  liburing-dev           # SSD tier and disk speed test (io_uring)
  nlohmann-json3-dev     # JSON for settings, configs and reports
  libssl-dev             # SHA-256 (OpenSSL libcrypto) of models, datasets, checkpoints
  libcurl4-openssl-dev   # the Hugging Face Hub client (downloads models)
  libzip-dev             # DOCX and ODT documents are zips (core/documents/office_text)
  libxml2-dev            # the XML inside them, HTML documents, and pdftotext's word boxes (core/documents)
  poppler-utils          # pdftotext and pdfinfo, run as separate programs to read PDF (GPL, not linked)
  libopenblas-openmp-dev # matrix products of the CPU backend (OpenMP build: one thread pool with ours)
  libdnnl-dev            # oneDNN: bf16 products on AVX512-BF16/AMX (header at build time, libdnnl2 loaded at run time)
  python3-torch          # the independent reference the kernels are tested against (tests/reference)
  python3-numpy          # the NF4 reference (tests/reference/nf4_reference.py)
  file appstream         # the Debian package: CPack finds its programs with file; its test validates the metainfo
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
# Node.js runs the reference implementations the conformance tests compare with (tokenizers,
# Jinja). A Node.js from elsewhere (NodeSource) already brings npm and conflicts with Debian's.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
