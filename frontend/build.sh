#!/usr/bin/env bash
# Build and vendor the front-end assets.
#
# Node is only needed to run this script. Its outputs are committed, so the
# application needs no Node at run time. Run from anywhere; normally invoked
# as `make assets`.
#
# Outputs (all overwritten):
#   static/css/app.css                      compiled GOV.UK Frontend + app styles
#   static/govuk/govuk-frontend.min.js      GOV.UK Frontend JS (ES module)
#   static/govuk/govuk-frontend.min.js.map  its source map (referenced by the JS)
#   static/govuk/LICENSE.txt, VERSION
#   tests/browser/vendor/axe.min.js         axe-core, for accessibility tests
#   tests/browser/vendor/LICENSE, LICENSE-3RD-PARTY.txt, VERSION
#   static/fonts/noto-sans-latin-*.woff       the PDF's font (report-pdf.css)
#   static/fonts/OFL.txt, VERSION
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "${FRONTEND_DIR}/.." && pwd)"
NM="${FRONTEND_DIR}/node_modules"
GOVUK_DIST="${NM}/govuk-frontend/dist/govuk"

STATIC_DIR="${ROOT_DIR}/static"
GOVUK_OUT="${STATIC_DIR}/govuk"
CSS_OUT="${STATIC_DIR}/css/app.css"
AXE_OUT="${ROOT_DIR}/tests/browser/vendor"
FONTS_OUT="${STATIC_DIR}/fonts"
FONT_PKG="@fontsource/noto-sans"
# Noto Sans: open (OFL), a plain zero (a report's "0" must not read as "Ø"), and
# latin-ext beside latin for Welsh (ŵ, ŷ). WOFF rather than WOFF2: WeasyPrint
# unpacks WOFF with fontTools alone, while WOFF2 also needs brotli at run time.
REQUIRED_FONT_FILES=(
  noto-sans-latin-400-normal.woff
  noto-sans-latin-700-normal.woff
  noto-sans-latin-ext-400-normal.woff
  noto-sans-latin-ext-700-normal.woff
)
OPTIONAL_FONT_FILES=(
  noto-sans-latin-400-italic.woff
  noto-sans-latin-700-italic.woff
  noto-sans-latin-ext-400-italic.woff
  noto-sans-latin-ext-700-italic.woff
)

# Images from GOV.UK Frontend that may be shipped. Deliberately empty: in
# GOV.UK Frontend 5.x favicon.ico, favicon.svg and the govuk-icon-*.png touch
# icons all depict the GOV.UK crown, and govuk-crest.svg is the royal coat of
# arms. The crown, the crest and the GDS Transport font are only for services
# on GOV.UK domains, and this service is not one. (There is no
# apple-touch-icon.png in 5.x; its role is taken by govuk-icon-180.png.)
SHIPPED_IMAGES=()

pkg_version() {
  node -p "require('${NM}/$1/package.json').version"
}

pkg_license() {
  node -p "require('${NM}/$1/package.json').license"
}

echo "==> Installing pinned packages (npm ci)"
(cd "${FRONTEND_DIR}" && npm ci --no-audit --no-fund --ignore-scripts)

GOVUK_VERSION="$(pkg_version govuk-frontend)"
GOVUK_LICENSE="$(pkg_license govuk-frontend)"
SASS_VERSION="$(pkg_version sass)"
AXE_VERSION="$(pkg_version axe-core)"
AXE_LICENSE="$(pkg_license axe-core)"
FONT_VERSION="$(pkg_version "${FONT_PKG}")"
FONT_LICENSE="$(pkg_license "${FONT_PKG}")"

echo "==> Compiling SCSS (govuk-frontend ${GOVUK_VERSION}, sass ${SASS_VERSION})"
mkdir -p "$(dirname "${CSS_OUT}")"
# --quiet-deps hides deprecation warnings raised inside govuk-frontend, and
# GOV.UK Frontend 5.x must be loaded with @import, which Dart Sass deprecates.
"${NM}/.bin/sass" \
  --no-source-map \
  --style=compressed \
  --load-path="${NM}" \
  --quiet-deps \
  --silence-deprecation=import \
  "${FRONTEND_DIR}/scss/app.scss" "${CSS_OUT}"

echo "==> Vendoring GOV.UK Frontend JavaScript"
rm -rf "${GOVUK_OUT}"
mkdir -p "${GOVUK_OUT}"
cp "${GOVUK_DIST}/govuk-frontend.min.js" "${GOVUK_OUT}/"
cp "${GOVUK_DIST}/govuk-frontend.min.js.map" "${GOVUK_OUT}/"

for image in "${SHIPPED_IMAGES[@]}"; do
  if [[ -f "${GOVUK_DIST}/assets/images/${image}" ]]; then
    mkdir -p "${GOVUK_OUT}/assets/images"
    cp "${GOVUK_DIST}/assets/images/${image}" "${GOVUK_OUT}/assets/images/"
  fi
done

# The npm package has no licence file of its own, only "license": "MIT".
govuk_license_src=""
for candidate in LICENSE LICENSE.txt LICENSE.md LICENCE LICENCE.txt; do
  if [[ -f "${NM}/govuk-frontend/${candidate}" ]]; then
    govuk_license_src="${NM}/govuk-frontend/${candidate}"
    break
  fi
done
cp "${govuk_license_src:-${FRONTEND_DIR}/licences/govuk-frontend-LICENSE.txt}" "${GOVUK_OUT}/LICENSE.txt"

cat > "${GOVUK_OUT}/VERSION" <<VERSION_EOF
govuk-frontend ${GOVUK_VERSION}
Licence: ${GOVUK_LICENSE} (see LICENSE.txt)
Source: https://www.npmjs.com/package/govuk-frontend/v/${GOVUK_VERSION}
Files: govuk-frontend.min.js, govuk-frontend.min.js.map (copied unmodified)
Also compiled into ../css/app.css with sass ${SASS_VERSION}, using a system
font stack and without the GDS Transport font, the crown or the crest.
Rebuild with: make assets
VERSION_EOF

echo "==> Vendoring axe-core ${AXE_VERSION}"
mkdir -p "${AXE_OUT}"
cp "${NM}/axe-core/axe.min.js" "${AXE_OUT}/axe.min.js"
cp "${NM}/axe-core/LICENSE" "${AXE_OUT}/LICENSE"
if [[ -f "${NM}/axe-core/LICENSE-3RD-PARTY.txt" ]]; then
  cp "${NM}/axe-core/LICENSE-3RD-PARTY.txt" "${AXE_OUT}/LICENSE-3RD-PARTY.txt"
fi

cat > "${AXE_OUT}/VERSION" <<VERSION_EOF
axe-core ${AXE_VERSION}
Licence: ${AXE_LICENSE} (see LICENSE and LICENSE-3RD-PARTY.txt)
Source: https://www.npmjs.com/package/axe-core/v/${AXE_VERSION}
Files: axe.min.js (copied unmodified; used by browser tests only)
Rebuild with: make assets
VERSION_EOF

echo "==> Vendoring Noto Sans ${FONT_VERSION} (for PDFs)"
# Only report-pdf.css loads these; app.css keeps its system font stack.
rm -rf "${FONTS_OUT}"
mkdir -p "${FONTS_OUT}"
font_files=()
for font in "${REQUIRED_FONT_FILES[@]}"; do
  cp "${NM}/${FONT_PKG}/files/${font}" "${FONTS_OUT}/"
  font_files+=("${font}")
done
for font in "${OPTIONAL_FONT_FILES[@]}"; do
  if [[ -f "${NM}/${FONT_PKG}/files/${font}" ]]; then
    cp "${NM}/${FONT_PKG}/files/${font}" "${FONTS_OUT}/"
    font_files+=("${font}")
  fi
done
cp "${NM}/${FONT_PKG}/LICENSE" "${FONTS_OUT}/OFL.txt"

cat > "${FONTS_OUT}/VERSION" <<VERSION_EOF
${FONT_PKG} ${FONT_VERSION}
Licence: ${FONT_LICENSE} (see OFL.txt)
Source: https://www.npmjs.com/package/${FONT_PKG}/v/${FONT_VERSION}
Files: ${font_files[*]} (copied unmodified)
Used by: ../css/report-pdf.css only (embedded in published PDFs)
Rebuild with: make assets
VERSION_EOF

echo "==> Checking outputs"
if grep -q "GDS Transport" "${CSS_OUT}"; then
  echo "error: ${CSS_OUT} mentions GDS Transport" >&2
  exit 1
fi
if grep -q "@font-face" "${CSS_OUT}"; then
  echo "error: ${CSS_OUT} contains an @font-face rule" >&2
  exit 1
fi
# Every url(/static/...) in the CSS must resolve to a file under static/.
missing=0
while IFS= read -r ref; do
  if [[ ! -f "${STATIC_DIR}/${ref#/static/}" ]]; then
    echo "error: ${CSS_OUT} references missing ${ref}" >&2
    missing=1
  fi
done < <(grep -oE 'url\("?/static/[^")]+' "${CSS_OUT}" | sed -E 's/^url\("?//' | sort -u)
if [[ "${missing}" -ne 0 ]]; then
  exit 1
fi

echo "Done: $(wc -c < "${CSS_OUT}" | tr -d ' ') bytes in ${CSS_OUT#"${ROOT_DIR}"/}"
