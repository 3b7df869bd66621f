#!/usr/bin/env bash
# Builds docs/screenshots/pages/ and its index from the accessibility tour's screenshots (artifacts/screenshots/tour,
# written by EverySignedInPageHasNoSeriousAccessibilityViolation): every signed-in page of the demo as every role, on a
# desktop and a phone, the first screen of each as WebP. Needs ImageMagick with WebP (the test command installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
tour=artifacts/screenshots/tour
out=docs/screenshots/pages
[ -d "$tour" ] || { echo "no $tour: run the accessibility tour first (see README, Tests)"; exit 1; }
rm -rf "$out"; mkdir -p "$out"
index=docs/screenshots/pages.md
{
    echo "# Every signed-in page, as every role"
    echo
    echo "The first screen of each page of the demo data, on a desktop (1366 px) and a phone (390 px), as the accessibility"
    echo "tour leaves them (\`tools/screenshot-gallery.sh\` after the tests; full-length PNGs in \`artifacts/screenshots/tour\`)."
    echo
    echo "| role | page | desktop | phone |"
    echo "| --- | --- | --- | --- |"
} > "$index"
for desktop in "$tour"/*-desktop.png; do
    name=$(basename "$desktop" -desktop.png)
    phone="$tour/$name-phone.png"
    role=${name%%-*}
    page=/${name#*-}; page=${page//-/\/}
    convert "$desktop" -crop 1366x900+0+0 +repage -resize 960x -quality 70 "$out/$name-desktop.webp"
    [ -f "$phone" ] && convert "$phone" -crop 780x1688+0+0 +repage -resize 390x -quality 70 "$out/$name-phone.webp"
    echo "| $role | \`$page\` | ![$name desktop](pages/$name-desktop.webp) | ![$name phone](pages/$name-phone.webp) |" >> "$index"
done
echo "$(ls "$out" | wc -l) images, $(du -sh "$out" | cut -f1), index $index"
