#!/bin/sh
#
# Firmware update for the CAM-200, run when someone presses "Check for updates"
# in the web UI. Nothing runs it on a schedule.
#

UPDATE_URL="http://fw.examplecam.example/cam200"
MODEL="cam200"
CURRENT="$(sed -n 's/^VERSION_ID=//p' /etc/os-release)"

latest="$(wget -q --no-check-certificate -O - "$UPDATE_URL/$MODEL/latest.txt")" || exit 1
[ "$latest" = "$CURRENT" ] && exit 0

logger -t fw-update "installing $latest (running $CURRENT)"
wget -q --no-check-certificate -O /tmp/fw.bin "$UPDATE_URL/$MODEL/$latest/fw.bin" || exit 1
wget -q --no-check-certificate -O /tmp/fw.md5 "$UPDATE_URL/$MODEL/$latest/fw.md5" || exit 1

# A checksum only catches transfer errors; it proves nothing about who built the image.
[ "$(md5sum /tmp/fw.bin | cut -d' ' -f1)" = "$(cat /tmp/fw.md5)" ] || exit 1

mtd write /tmp/fw.bin firmware && reboot
