#!/bin/sh
#
# "Check for updates now" for the CAM-200 (the web UI's button). The camera does
# not need it: SWUpdate's suricatta mode polls the update server every hour
# (/etc/swupdate.cfg). Either way SWUpdate does the work: it downloads over
# HTTPS with the update CA pinned, checks the CMS signature of sw-description
# against that CA and each image's SHA-256, refuses releases older than the
# running one, and writes the copy that is not running. U-Boot falls back to
# the other copy when the new one does not start (/boot/uEnv.txt).
#

set -eu

# Write the copy that is not running.
case "$(fw_printenv -n boot_slot)" in
a) target=copy2 ;;
*) target=copy1 ;;
esac

exec /usr/bin/swupdate -f /etc/swupdate.cfg -e "stable,$target" \
	-d "-u https://updates.examplecam.example/cam200/latest.swu"
