#!/bin/sh
# Factory test login left in the image. PLANTED for rules CMP2015 (Mirai's root/xmhdipc pair side by side) and
# CMP2016 (a password compared with a literal): anyone who knows the pair gets a root shell.
printf 'user: '; read -r user
printf 'password: '; read -r pass
if [ "$user" = "root" ] && [ "$pass" = "xmhdipc" ]; then
    exec /bin/sh
fi
echo "login incorrect"
