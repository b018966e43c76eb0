#!/usr/bin/env bash
# Generates a large git repository that looks like the history of a camera firmware tree, for the history-scan
# benchmark (history-scan-benchmark.sh) and for trying the secret rules on deep history.
#
#   tests/benchmarks/history-scan/make-history-repo.sh OUT_DIR [COMMITS]     (default COMMITS: 5000, at least 100)
#
# OUT_DIR must be new or empty; it becomes a repository with `main` checked out. Needs git and python3 (standard
# library only); the PEM key planted in history is read from examples/vulnerable-rootfs of this checkout.
#
# Deterministic: a fixed-seed generator (splitmix64, written out below, so no library's random numbers can change
# between versions) decides everything, and every author, committer and tagger has a fixed name, e-mail, date and
# time zone; no user or system git configuration is read. Same COMMITS (and the same example key) -> same commit ids:
# compare `git -C OUT_DIR rev-parse --all` of two runs. The objects are written by `git fast-import`.
#
# What it makes (COMMITS = 5000): exactly COMMITS commits, about 1,400-1,500 files at HEAD (C sources and headers of
# 30 subsystems, their Kconfig files and Makefiles, board defconfigs, shell and init scripts, docs and small binary
# firmware blobs). The first commit imports the baseline tree; each later commit changes 1-6 files with line-level
# edits (a constant changed, statements inserted or removed, a function added, a Kconfig default flipped, a blob
# replaced), sometimes adds, deletes or renames a file. Side branches fork from main, get 3-20 commits, and most are
# merged back with a merge commit (merged branches' refs are deleted afterwards, as a forge does); about one in six
# is abandoned and keeps its ref. Annotated tags mark releases, and one lightweight tag marks a factory build.
#
# Planted fake secrets (made-up values in the real formats; none opens anything), all in the first half of the
# history; the script prints each with the commit that added or removed it:
#   AWS key id + secret in board/cam200/rootfs-overlay/etc/cloud-agent.conf, removed later (the file stays);
#   GitHub token in scripts/fetch-sdk.sh, replaced by an environment variable later;
#   the PEM key of examples/vulnerable-rootfs/etc/ssl/private/device.key in board/cam210/keys/device.key, deleted
#     a few commits later;
#   Slack bot token in scripts/notify-build.sh (still at HEAD);
#   AWS key id in include/cloud/cloud_credentials.h, removed later;
#   Slack webhook URL as a Kconfig default in src/log/Kconfig.remote, file deleted later;
#   MQTT bridge password in board/cam300/rootfs-overlay/etc/mosquitto/bridge.conf (still at HEAD);
#   GitHub token in scripts/release-upload.sh on the abandoned branch wip/release-upload only;
#   AWS key id + secret in scripts/upload-artifacts.sh, brought in by merging feature/artifact-upload, deleted later;
#   Slack bot token in src/log/log_remote.c, replaced later.
set -euo pipefail
export LC_ALL=C PYTHONHASHSEED=0

die() { echo "make-history-repo: $*" >&2; exit 2; }

[[ $# -ge 1 && $# -le 2 && -n $1 ]] || die "usage: $0 OUT_DIR [COMMITS]"
commits=${2:-5000}
if ! [[ $commits =~ ^[0-9]+$ ]] || ((commits < 100 || commits > 1000000)); then
  die "COMMITS must be a whole number from 100 to 1000000"
fi
missing=()
command -v git > /dev/null 2>&1 || missing+=("'git' not found: install the Debian package 'git' (apt-get install -y git)")
command -v python3 > /dev/null 2>&1 || missing+=("'python3' not found: install the Debian package 'python3' (apt-get install -y python3)")
if ((${#missing[@]})); then printf 'make-history-repo: %s\n' "${missing[@]}" >&2; exit 2; fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pem="$here/../../../examples/vulnerable-rootfs/etc/ssl/private/device.key"
[[ -s $pem ]] || die "missing the example key $pem"

out=$1
if [[ -e $out ]]; then
  [[ -d $out && -z $(ls -A "$out") ]] || die "$out exists and is not an empty folder"
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

# Keep this user's and this machine's git configuration out (a global core.autocrlf, templates or hooks would
# change the result); an empty HOME also covers git before 2.32, which ignores GIT_CONFIG_GLOBAL.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/xdg" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_NAMESPACE GIT_TEMPLATE_DIR

git -C "$out" init -q --template=
git -C "$out" config core.autocrlf false

start=$(date +%s)
python3 - "$commits" "$pem" "$work/plan.tsv" << 'PY' | git -C "$out" fast-import --quiet --done --export-marks="$work/marks"
"""Writes a git fast-import stream of a synthetic camera-firmware history to standard output."""
import re
import sys

N = int(sys.argv[1])
PEM = open(sys.argv[2], "rb").read()
PLAN = open(sys.argv[3], "w", encoding="ascii")
OUT = sys.stdout.buffer
M64 = (1 << 64) - 1


class Rng:
    """splitmix64: tiny, fast and fully specified here, so the stream cannot change with the Python version."""

    def __init__(self, seed):
        self.state = seed & M64

    def u64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def below(self, n):
        return self.u64() % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def permille(self, p):
        return self.below(1000) < p

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def blob(self, n):
        words = [self.u64().to_bytes(8, "little") for _ in range((n + 7) // 8)]
        return b"".join(words)[:n]


rng = Rng(0x43414D2D323030)  # "CAM-200"

SUBSYS = ["camera", "isp", "video", "audio", "net", "wifi", "ble", "mqtt", "ota", "crypto", "storage", "flash",
          "gpio", "i2c", "spi", "uart", "pwm", "sensor", "power", "rtc", "watchdog", "log", "shell", "web", "ptz",
          "ir", "motion", "rtsp", "onvif", "cloud"]
NOUNS = ["core", "init", "buffer", "queue", "config", "state", "event", "timer", "irq", "dma", "io", "ctrl",
         "stats", "cache", "table", "parser", "codec", "frame", "ring", "pool", "session", "channel", "clock",
         "reset", "debug", "fw", "cal", "mode", "ops", "hw", "sysfs", "sched"]
VERBS = ["init", "start", "stop", "reset", "read", "write", "update", "handle", "poll", "flush", "alloc", "free",
         "open", "close", "configure", "apply", "probe", "remove", "suspend", "resume", "enable", "disable", "sync",
         "validate", "parse", "encode", "decode", "dump", "refresh", "attach"]
FIELDS = ["flags", "state", "count", "mode", "rate", "timeout", "retries", "irq", "width", "height", "gain",
          "offset", "level", "index", "status", "threshold", "period", "duty", "channel", "format", "depth", "budget"]
REGS = ["CTRL", "STATUS", "CFG", "INT_EN", "INT_CLR", "DATA", "DIV", "MASK", "FIFO", "TRIG"]
FLAGS = ["READY", "BUSY", "ERROR", "ENABLED", "SUSPENDED", "DIRTY", "LOCKED", "STREAMING"]
LOGS = ["pr_debug", "pr_info", "pr_warn"]
COMMENTS = ["wait for the PLL to lock", "the block needs a second write after reset", "keep the old value on error",
            "the FIFO level lags by one entry (errata 3)", "clear pending interrupts before enabling them",
            "higher rates make the sensor drop frames", "the bootloader may have left this enabled",
            "order matters: clock first, then reset", "values above the limit wrap in hardware",
            "re-read after the write, the bus may be posted", "this path is hot, keep it short",
            "cannot sleep here, called from the interrupt handler", "default from the vendor datasheet",
            "retry once, the first access after resume fails", "the counter is 24 bits wide"]
SENTENCES = ["The driver probes the block once at boot and keeps it powered while a stream is open.",
             "Values are in microseconds unless noted otherwise.",
             "Boards without the optional sensor leave this disabled.",
             "Changing the default needs a matching change in the board defconfig.",
             "The interface is internal; applications use the camd socket instead.",
             "Settings are read again after a firmware update.",
             "Errors are counted in the statistics file under /sys.",
             "The hardware limit is documented in the SoC reference manual, chapter 12.",
             "Disable this on boards that share the bus with the PMIC.",
             "Debug output of this module is rate limited."]
BOARDS = ["cam100", "cam200", "cam210", "cam300", "dome400", "doorbell10"]
AUTHORS = [("Mira Okafor", "mira.okafor", "+0100"), ("Tomas Lindqvist", "tomas.lindqvist", "+0100"),
           ("Priya Raman", "priya.raman", "+0530"), ("Jonas Weber", "jonas.weber", "+0100"),
           ("Lucia Ferreira", "lucia.ferreira", "+0000"), ("Kenji Sato", "kenji.sato", "+0900"),
           ("Amara Nwosu", "amara.nwosu", "+0100"), ("Daniel Kowalski", "daniel.kowalski", "+0100"),
           ("Sofia Marin", "sofia.marin", "+0200"), ("Wei Zhang", "wei.zhang", "+0800"),
           ("Elena Petrova", "elena.petrova", "+0300"), ("Sam Carter", "sam.carter", "-0700")]
MAINTAINER = AUTHORS[1]
EPOCH0 = 1546851600  # 2019-01-07 09:00:00 UTC


def person(who, when):
    name, user, zone = who
    return f"{name} <{user}@examplecam.example> {when} {zone}"


def num():
    return str(rng.pick([1, 2, 4, 8, 10, 16, 20, 32, 50, 64, 100, 128, 200, 250, 256, 500, 1000, 1024, 4096]))


def hexval(digits):
    return f"{rng.below(16 ** digits):0{digits}x}"


class File:
    """One path's content: text as a list of lines, or bytes for a blob."""

    def __init__(self, kind, subsys, noun, lines=None, data=None):
        self.kind, self.subsys, self.noun = kind, subsys, noun
        self.lines, self.data = lines, data

    def copy(self):
        return File(self.kind, self.subsys, self.noun, list(self.lines) if self.lines is not None else None, self.data)

    def encode(self):
        return self.data if self.kind == "blob" else ("\n".join(self.lines) + "\n").encode("ascii")

    def mode(self):
        return "100755" if self.kind == "sh" else "100644"


# --- content makers --------------------------------------------------------------------------------------------
def c_statements(s, noun):
    S, field = s.upper(), rng.pick(FIELDS)
    r = rng.below(12)
    if r == 0:
        return [f"\tret = {s}_{rng.pick(NOUNS)}_{rng.pick(VERBS)}(dev, {num()});", "\tif (ret)", "\t\treturn ret;"]
    if r == 1:
        return [f"\tdev->{field} = {num()};"]
    if r == 2:
        return [f"\tdev->{field} |= {S}_F_{rng.pick(FLAGS)};"]
    if r == 3:
        return [f"\tdev->{field} &= ~{S}_F_{rng.pick(FLAGS)};"]
    if r == 4:
        return [f'\t{rng.pick(LOGS)}("{s}: {noun} {field} %u\\n", dev->{field});']
    if r == 5:
        return [f"\tudelay({num()});"]
    if r == 6:
        return [f"\twritel(0x{hexval(8)}, dev->base + {S}_REG_{rng.pick(REGS)});"]
    if r == 7:
        return [f"\tret = regmap_update_bits(dev->map, {S}_REG_{rng.pick(REGS)}, 0x{hexval(4)}, 0x{hexval(4)});"]
    if r == 8:
        return [f"\t/* {rng.pick(COMMENTS)} */"]
    if r == 9:
        limit = f"{S}_{noun.upper()}_MAX_{field.upper()}"
        return [f"\tif (dev->{field} > {limit})", f"\t\tdev->{field} = {limit};"]
    if r == 10:
        return [f"\tmemset(&dev->{field}, 0, sizeof(dev->{field}));"]
    return [f"\tret = {s}_{rng.pick(NOUNS)}_{rng.pick(VERBS)}(dev, dev->{field});"]


def c_function(s, noun):
    verb = rng.pick(VERBS)
    head = "static int" if rng.permille(400) else "int"
    lines = ["", f"{head} {s}_{noun}_{verb}(struct {s}_dev *dev)", "{", "\tint ret = 0;", ""]
    for _ in range(rng.between(2, 8)):
        lines += c_statements(s, noun)
    return lines + ["\treturn ret;", "}"]


def make_c(s, noun):
    lines = ["// SPDX-License-Identifier: GPL-2.0-only", "/*", f" * {s} {noun} handling for the CAM family.", " *",
             f" * Copyright (C) {rng.between(2016, 2018)} Examplecam", " */", "", "#include <linux/delay.h>",
             "#include <linux/io.h>", "#include <linux/regmap.h>", "", f'#include "{s}/{s}_{noun}.h"', ""]
    for _ in range(rng.between(1, 4)):
        lines.append(f"#define {s.upper()}_{noun.upper()}_MAX_{rng.pick(FIELDS).upper()} {num()}")
    for _ in range(rng.between(3, 9)):
        lines += c_function(s, noun)
    return File("c", s, noun, lines)


def make_h(s, noun):
    guard = f"_{s.upper()}_{noun.upper()}_H"
    lines = ["/* SPDX-License-Identifier: GPL-2.0-only */", f"#ifndef {guard}", f"#define {guard}", "",
             "#include <linux/types.h>", ""]
    for reg in REGS[: rng.between(3, len(REGS))]:
        lines.append(f"#define {s.upper()}_REG_{reg}\t0x{rng.below(256) * 4:03x}")
    lines += ["", f"struct {s}_dev;", ""]
    for _ in range(rng.between(3, 8)):
        lines.append(f"int {s}_{noun}_{rng.pick(VERBS)}(struct {s}_dev *dev);")
    return File("h", s, noun, lines + ["", f"#endif /* {guard} */"])


def kconfig_block(s, noun):
    field = rng.pick(FIELDS)
    sym = f"{s.upper()}_{noun.upper()}_{field.upper()}"
    if rng.permille(500):
        head = [f"config {sym}", f'\tbool "{s} {noun}: {field} support"', f"\tdefault {rng.pick('yn')}"]
    else:
        head = [f"config {sym}", f'\tint "{s} {noun}: {field}"', f"\tdefault {num()}"]
    return [""] + head + [f"\tdepends on {s.upper()}", "\thelp", f"\t  {rng.pick(SENTENCES)}"]


def make_kconfig(s, noun):
    lines = [f'menu "{s} support"', "", f"config {s.upper()}", f'\tbool "{s} subsystem"', "\tdefault y"]
    for _ in range(rng.between(3, 10)):
        lines += kconfig_block(s, rng.pick(NOUNS))
    return File("kconfig", s, noun, lines + ["", "endmenu"])


def shell_command(s):
    r = rng.below(8)
    field = rng.pick(FIELDS)
    return [f'\techo "{s}: {rng.pick(VERBS)}" > /dev/kmsg', f"\tmodprobe {s}_{rng.pick(NOUNS)}",
            f"\tsleep {rng.between(1, 5)}", f"\tmkdir -p /var/run/{s}",
            f"\techo {num()} > /sys/class/{s}/{s}0/{field}", f"\t[ -e /dev/{s}0 ] || return 0",
            f'\tlogger -t {s} "{rng.pick(COMMENTS)}"',
            f"\tstart-stop-daemon -S -b -x /usr/sbin/{s}d -- -c /etc/{s}.conf"][r]


def make_sh(s, noun):
    lines = ["#!/bin/sh", f"# {s}: {noun} helper for the CAM family boards.", "set -e", ""]
    for _ in range(rng.between(2, 5)):
        lines.append(f"{s.upper()}_{rng.pick(FIELDS).upper()}={num()}")
    for fn in ["do_start", "do_stop"]:
        lines += ["", f"{fn}() {{"] + [shell_command(s) for _ in range(rng.between(2, 6))] + ["}"]
    lines += ["", 'case "$1" in', "start) do_start ;;", "stop) do_stop ;;",
              '*) echo "usage: $0 {start|stop}" >&2; exit 1 ;;', "esac"]
    return File("sh", s, noun, lines)


def make_defconfig(board):
    lines = [f"# {board} board defconfig"]
    for s in SUBSYS:
        if rng.permille(700):
            lines.append(f"CONFIG_{s.upper()}=y")
            for _ in range(rng.between(0, 3)):
                lines.append(f"CONFIG_{s.upper()}_{rng.pick(NOUNS).upper()}_{rng.pick(FIELDS).upper()}={num()}")
        else:
            lines.append(f"# CONFIG_{s.upper()} is not set")
    return File("defconfig", board, "defconfig", lines)


def make_doc(s, noun):
    lines = [f"# {s} {noun}", ""] + [rng.pick(SENTENCES) for _ in range(rng.between(4, 12))]
    return File("doc", s, noun, lines)


def make_blob(s, noun):
    size = rng.between(128, 4096)
    return File("blob", s, noun, data=b"CAMFW\x00\x01\x00" + rng.blob(size))


def make_makefile(s, objs):
    return File("make", s, "Makefile", ["# SPDX-License-Identifier: GPL-2.0-only",
                                        f"ccflags-y += -I$(srctree)/include/{s}", ""]
                + [f"obj-$(CONFIG_{s.upper()}) += {s}_{n}.o" for n in objs])


# --- edits -----------------------------------------------------------------------------------------------------
NUMBER_TOKEN = re.compile(r"\b(0x[0-9a-f]+|[0-9]+)\b")


def body_lines(lines):
    return [i for i, line in enumerate(lines) if line.startswith("\t") and not line.startswith("\t\t")
            and (line.endswith(";") or line.endswith("*/")) and not line.startswith(("\treturn", "\tint ret"))
            and not lines[i - 1].startswith(("\tif", "\tfor"))]


def change_number(f):
    cands = [i for i, line in enumerate(f.lines) if NUMBER_TOKEN.search(line) and not line.startswith(("#include", "//", " *"))]
    if not cands:
        return None
    i = rng.pick(cands)
    matches = list(NUMBER_TOKEN.finditer(f.lines[i]))
    m = rng.pick(matches)
    new = f"0x{hexval(len(m.group(0)) - 2)}" if m.group(0).startswith("0x") else num()
    f.lines[i] = f.lines[i][: m.start()] + new + f.lines[i][m.end():]
    return "adjust"


def edit_c(f):
    r = rng.below(100)
    if r < 35 and change_number(f):
        return "adjust"
    cands = body_lines(f.lines)
    if r < 70 and cands:
        i = rng.pick(cands) + 1
        add = []
        for _ in range(rng.between(1, 2)):
            add += c_statements(f.subsys, f.noun)
        f.lines[i:i] = add
        return "extend"
    if r < 85 and cands:
        del f.lines[rng.pick(cands)]
        return "drop"
    f.lines += c_function(f.subsys, f.noun)
    return "add-function"


def edit_h(f):
    r = rng.below(100)
    if r < 40 and change_number(f):
        return "adjust"
    end = len(f.lines) - 1
    if r < 75:
        f.lines.insert(end - 1, f"int {f.subsys}_{f.noun}_{rng.pick(VERBS)}(struct {f.subsys}_dev *dev);")
        return "extend"
    defines = [i for i, line in enumerate(f.lines) if line.startswith("#define") and "_REG_" in line]
    if defines and r < 90:
        del f.lines[rng.pick(defines)]
        return "drop"
    f.lines.insert(end - 1, f"#define {f.subsys.upper()}_{f.noun.upper()}_{rng.pick(FIELDS).upper()}_SHIFT\t{rng.below(32)}")
    return "extend"


def edit_kconfig(f):
    r = rng.below(100)
    defaults = [i for i, line in enumerate(f.lines) if line.startswith("\tdefault ")]
    if r < 40 and defaults:
        i = rng.pick(defaults)
        value = f.lines[i][len("\tdefault "):]
        f.lines[i] = "\tdefault " + ({"y": "n", "n": "y"}.get(value) or num())
        return "default"
    helps = [i for i, line in enumerate(f.lines) if line.startswith("\t  ")]
    if r < 60 and helps:
        f.lines[rng.pick(helps)] = "\t  " + rng.pick(SENTENCES)
        return "help"
    at = len(f.lines) - 2 if f.lines[-1] == "endmenu" else len(f.lines)
    f.lines[at:at] = kconfig_block(f.subsys, rng.pick(NOUNS))
    return "option"


def edit_sh(f):
    r = rng.below(100)
    if r < 35 and change_number(f):
        return "adjust"
    cmds = [i for i, line in enumerate(f.lines) if line.startswith("\t")]
    if r < 75 and cmds:
        i = rng.pick(cmds) + 1
        f.lines.insert(i, shell_command(f.subsys))
        return "extend"
    if r < 90 and len(cmds) > 4:
        del f.lines[rng.pick(cmds)]
        return "drop"
    f.lines.insert(4, f"{f.subsys.upper()}_{rng.pick(FIELDS).upper()}={num()}")
    return "extend"


def edit_defconfig(f):
    i = rng.between(1, len(f.lines) - 1)
    line = f.lines[i]
    if line.startswith("# CONFIG_"):
        f.lines[i] = line[2:].replace(" is not set", "=y")
    elif line.endswith("=y"):
        f.lines[i] = f"# {line[:-2]} is not set"
    elif not change_number(f):
        f.lines.append(f"CONFIG_{rng.pick(SUBSYS).upper()}_{rng.pick(NOUNS).upper()}=y")
    return "defconfig"


def edit_doc(f):
    r = rng.below(100)
    if r < 50 or len(f.lines) < 5:
        f.lines.insert(rng.between(2, len(f.lines)), rng.pick(SENTENCES))
    elif r < 75:
        del f.lines[rng.between(2, len(f.lines) - 1)]
    else:
        f.lines[rng.between(2, len(f.lines) - 1)] = rng.pick(SENTENCES)
    return "doc"


def edit_blob(f):
    f.data = b"CAMFW\x00" + bytes([rng.below(256), 0]) + rng.blob(rng.between(128, 4096))
    return "blob"


EDITORS = {"c": edit_c, "h": edit_h, "kconfig": edit_kconfig, "sh": edit_sh, "defconfig": edit_defconfig,
           "doc": edit_doc, "blob": edit_blob}

PHRASES = {
    "adjust": ["tune {f} limit", "fix {f} default", "correct register value for {n}", "use the datasheet value for {f}"],
    "extend": ["handle {f} after reset", "log {f} changes", "add {n} error path", "program {f} before enabling {n}"],
    "drop": ["drop redundant {f} write", "remove stale {n} delay", "remove unused {f} handling"],
    "add-function": ["add {s}_{n}_{v}()", "split {n} setup into a helper"],
    "default": ["Kconfig: change a default", "Kconfig: enable {f} handling by default"],
    "help": ["Kconfig: clarify a help text"],
    "option": ["Kconfig: add a {f} option"],
    "defconfig": ["update defconfig", "defconfig: follow the {f} change"],
    "doc": ["docs: update the {f} notes", "docs: fix wording"],
    "blob": ["update the {n} firmware blob", "new {n} microcode from the vendor"],
}


def message(f, what):
    text = rng.pick(PHRASES[what]).format(f=rng.pick(FIELDS), n=f.noun, s=f.subsys, v=rng.pick(VERBS))
    subject = f"{f.subsys}: {text}"
    if rng.permille(300):
        subject += "\n\n" + " ".join(rng.pick(SENTENCES) for _ in range(rng.between(1, 3)))
    return subject


# --- the tree --------------------------------------------------------------------------------------------------
files = {}            # path -> File, the tree of main
by_dir = {}           # folder -> [paths] that random edits may pick (insertion order: deterministic)
editable = []         # every path random edits may pick
pool = []             # (path, maker) not in the tree now
makers = {}           # path -> maker of its first version, for every path the tree may hold
makefiles = {}        # subsystem -> path of its Makefile
reserved = {}         # path -> branch name, while a side branch owns the file
frozen = {}           # paths of planted files: never edited at random


def folder(path):
    return path.rsplit("/", 1)[0]


def track(path, f):
    files[path] = f
    if f.kind in EDITORS:
        editable.append(path)
        by_dir.setdefault(folder(path), []).append(path)


def untrack(path):
    f = files.pop(path)
    if f.kind in EDITORS:
        editable.remove(path)
        by_dir[folder(path)].remove(path)
    return f


def candidates():
    """Every file the baseline may hold, in a fixed order, with the maker of its first version."""
    out = []
    for s in SUBSYS:
        for i, n in enumerate(NOUNS[:28]):
            out.append((f"src/{s}/{s}_{n}.c", lambda s=s, n=n: make_c(s, n), i < 16))
        for i, n in enumerate(NOUNS[:20]):
            out.append((f"include/{s}/{s}_{n}.h", lambda s=s, n=n: make_h(s, n), i < 11))
        out.append((f"src/{s}/Kconfig", lambda s=s: make_kconfig(s, "kconfig"), True))
        for frag in ["debug", "hw"]:
            out.append((f"src/{s}/Kconfig.{frag}", lambda s=s, frag=frag: make_kconfig(s, frag), frag == "hw"))
        if SUBSYS.index(s) % 2 == 0:
            for n in NOUNS[24:26]:
                out.append((f"scripts/{s}-{n}.sh", lambda s=s, n=n: make_sh(s, n), n == NOUNS[24]))
            out.append((f"firmware/{s}/{s}_{NOUNS[26]}.bin", lambda s=s: make_blob(s, NOUNS[26]), True))
            out.append((f"firmware/{s}/{s}_{NOUNS[27]}.bin", lambda s=s: make_blob(s, NOUNS[27]), False))
        if SUBSYS.index(s) % 3 == 0:
            out.append((f"docs/{s}.md", lambda s=s: make_doc(s, "overview"), True))
    for b in BOARDS:
        out.append((f"configs/{b}_defconfig", lambda b=b: make_defconfig(b), True))
        for i, s in enumerate(SUBSYS[:8]):
            out.append((f"board/{b}/rootfs-overlay/etc/init.d/S{20 + 5 * i}{s}", lambda s=s: make_sh(s, "init"), i < 5))
    return out


# --- stream writer ---------------------------------------------------------------------------------------------
mark_count = 0
clock = EPOCH0


def tick(lo=300, hi=9 * 3600):
    global clock
    clock += rng.between(lo, hi)
    return clock


def emit_commit(ref, who, msg, parent, changes, merge=None, committer=None):
    """changes: list of (path, File or None for a delete). Returns the new mark."""
    global mark_count
    mark_count += 1
    when = tick()
    out = [f"commit {ref}\nmark :{mark_count}\nauthor {person(who, when)}\n"
           f"committer {person(committer or who, when)}\n".encode()]
    data = msg.encode("ascii")
    out.append(b"data %d\n%s\n" % (len(data), data))
    if parent:
        out.append(b"from :%d\n" % parent)
    if merge:
        out.append(b"merge :%d\n" % merge)
    for path, f in changes:
        if f is None:
            out.append(f"D {path}\n".encode())
        else:
            content = f.encode()
            out.append(f"M {f.mode()} inline {path}\n".encode())
            out.append(b"data %d\n%s\n" % (len(content), content))
    OUT.write(b"".join(out))
    return mark_count


def plan(*fields):
    PLAN.write("\t".join(str(x) for x in fields) + "\n")


# --- the history -----------------------------------------------------------------------------------------------
OUT.write(b"feature done\n")
main_tip = None
steps = 0


def main_commit(who, msg, changes, merge=None, committer=None):
    global main_tip, steps
    main_tip = emit_commit("refs/heads/main", who, msg, main_tip, changes, merge, committer)
    steps += 1
    return main_tip


# The baseline: one import of the SDK tree, as vendors deliver it.
baseline = []
for path, maker, initial in candidates():
    makers[path] = maker
    if initial:
        f = maker()
        track(path, f)
        baseline.append((path, f))
    else:
        pool.append((path, maker))
for s in SUBSYS:
    objs = [p.rsplit("/", 1)[1][len(s) + 1:-2] for p in files if p.startswith(f"src/{s}/") and p.endswith(".c")]
    makefiles[s] = f"src/{s}/Makefile"
    files[makefiles[s]] = make_makefile(s, objs)
    baseline.append((makefiles[s], files[makefiles[s]]))
top = [("README.md", File("static", "top", "readme", ["# CAM family firmware", "",
                                                     "Drivers, board files and scripts of the Examplecam CAM family.",
                                                     "This tree is synthetic: it was generated for a benchmark."])),
       ("Kconfig", File("static", "top", "kconfig", [f'source "src/{s}/Kconfig"' for s in SUBSYS])),
       (".gitignore", File("static", "top", "gitignore", ["*.o", "*.ko", "/output/"]))]
for path, f in top:
    files[path] = f
    baseline.append((path, f))
main_commit(AUTHORS[0], "Import the CAM SDK 1.0 baseline", sorted(baseline, key=lambda c: c[0]))

# Planted secrets: (fraction of the history, action). Values are random characters in each service's format.
AWS1 = ("AKIARH3L5LYJCLYURAVG", "luR8sjTMTwYvFxdwC4+D2NufnO9kN43uiXD8ZdHW")
AWS2 = "AKIAGC5FRZG6QJGBUCYD"
AWS3 = ("AKIABGVGW2VPPHCDHHHT", "Kr0OZDh7aRLPfGYYoldLiS7Ze57u/LyP1/6p3jGK")
GH1 = "ghp_OKAcv2n2btzd9NW6V5NZNg9OQ28yggqtg5Km"
GH2 = "ghp_ripcYvbZXGouyEbQzKA62t1eamsEgbNfzVFk"
SLACK1 = "xoxb-88389810891-536014053330-K1X2LwaZK3BFWml0NMG1TAAv"
SLACK2 = "https://hooks.slack.com/services/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"
SLACK3 = "xoxb-87702872356-653367139571-sadDTsKUC0xbGiyEiaxSS9eP"
MQTT = "%5fQaxki0MtubI"


def text(kind, lines):
    return File(kind, "plant", "plant", lines)


CLOUD = "board/cam200/rootfs-overlay/etc/cloud-agent.conf"
FETCH = "scripts/fetch-sdk.sh"
PEMKEY = "board/cam210/keys/device.key"
NOTIFY = "scripts/notify-build.sh"
CREDS = "include/cloud/cloud_credentials.h"
REMOTE_KCONFIG = "src/log/Kconfig.remote"
BRIDGE = "board/cam300/rootfs-overlay/etc/mosquitto/bridge.conf"
RELEASE_UPLOAD = "scripts/release-upload.sh"
UPLOAD = "scripts/upload-artifacts.sh"
LOG_REMOTE = "src/log/log_remote.c"


def cloud_conf(with_keys):
    keys = [f"aws_access_key_id={AWS1[0]}", f"aws_secret_access_key={AWS1[1]}"] if with_keys else \
        ["# credentials come from the provisioning partition", "credentials_dir=/mnt/provision/cloud"]
    return text("static", ["# cloud agent of the CAM-200", "region=eu-west-1"] + keys + ["bucket=cam-event-clips"])


def fetch_sdk(token):
    return text("sh", ["#!/bin/sh", "# Downloads the sensor vendor SDK from its private GitHub releases.", "set -e",
                       f"GH_TOKEN={token}",
                       'curl -fsSL -H "Authorization: Bearer $GH_TOKEN" -o sdk.tar.gz "$SDK_URL"'])


def pem_file():
    return File("blob", "plant", "pem", data=PEM)


def creds_h(with_key):
    body = [f'#define CLOUD_ACCESS_KEY_ID "{AWS2}"'] if with_key else \
        ["/* the access key id is read from the provisioning partition at boot */"]
    return text("static", ["#ifndef _CLOUD_CREDENTIALS_H", "#define _CLOUD_CREDENTIALS_H", ""] + body + ["", "#endif"])


def log_remote(with_token):
    token = f'"{SLACK3}"' if with_token else "NULL /* set from /etc/log-remote.conf */"
    return text("static", ['#include "log/log_core.h"', "", f"static const char *alert_token = {token};", "",
                           "const char *log_remote_token(void)", "{", "\treturn alert_token;", "}"])


def plant_commit(msg, changes, label):
    mark = main_commit(rng.pick(AUTHORS), msg, changes)
    for path, _ in changes:
        frozen[path] = True
    plan("plant", mark, label)


def side_branch(name, commits, merge, label):
    """A branch that owns new files only; commits: [(msg, changes)]. Planted on its first commit."""
    global steps
    tip = main_tip
    for i, (msg, changes) in enumerate(commits):
        tip = emit_commit(f"refs/heads/{name}", rng.pick(AUTHORS), msg, tip, changes)
        steps += 1
        if i == 0:
            plan("plant", tip, label)
    if merge:
        changes = [c for _, cs in commits for c in cs]
        last = {}
        for path, f in changes:
            last[path] = f
        main_commit(MAINTAINER, f"Merge branch '{name}'", sorted(last.items()), merge=tip)
        plan("delete-ref", f"refs/heads/{name}")
        for path in last:
            frozen[path] = True


EVENTS = [
    (0.020, lambda: plant_commit("cloud: settings for the AWS IoT uplink", [(CLOUD, cloud_conf(True))],
                                 f"AWS key id + secret: {CLOUD} (added)")),
    (0.040, lambda: plant_commit("scripts: fetch the sensor SDK from GitHub", [(FETCH, fetch_sdk(GH1))],
                                 f"GitHub token: {FETCH} (added)")),
    (0.060, lambda: plant_commit("cam210: add the device TLS key", [(PEMKEY, pem_file())],
                                 f"PEM private key: {PEMKEY} (added)")),
    (0.065, lambda: plant_commit("cam210: remove the device key again", [(PEMKEY, None)],
                                 f"PEM private key: {PEMKEY} (deleted)")),
    (0.090, lambda: plant_commit("scripts: post build results to Slack", [(NOTIFY, text("sh", [
        "#!/bin/sh", "# Posts the result of a nightly build to the firmware channel.", "set -e",
        f"SLACK_TOKEN={SLACK1}",
        'curl -fsS -H "Authorization: Bearer $SLACK_TOKEN" -d "channel=fw-builds" -d "text=$1" '
        "https://slack.com/api/chat.postMessage"]))], f"Slack bot token: {NOTIFY} (added, still at HEAD)")),
    (0.120, lambda: plant_commit("cloud: compile in the access key id", [(CREDS, creds_h(True))],
                                 f"AWS key id: {CREDS} (added)")),
    (0.140, lambda: plant_commit("log: forward errors to a Slack webhook", [(REMOTE_KCONFIG, text("kconfig", [
        "config LOG_REMOTE_WEBHOOK", '\tstring "Webhook for error reports"', f'\tdefault "{SLACK2}"']))],
        f"Slack webhook: {REMOTE_KCONFIG} (added)")),
    (0.150, lambda: plant_commit("cloud: read credentials from the provisioning partition",
                                 [(CLOUD, cloud_conf(False))], f"AWS key id + secret: {CLOUD} (removed)")),
    (0.170, lambda: plant_commit("cam300: bridge local MQTT to the cloud broker", [(BRIDGE, text("static", [
        "connection cloud", "address mqtt.examplecam.example:8883", "remote_username cam300-fleet",
        f"remote_password {MQTT}", "topic events/# out 1"]))], f"MQTT bridge password: {BRIDGE} (added, still at HEAD)")),
    (0.200, lambda: plant_commit("scripts: take the GitHub token from the environment",
                                 [(FETCH, fetch_sdk('"${GH_TOKEN:?set GH_TOKEN}"'))], f"GitHub token: {FETCH} (removed)")),
    (0.220, lambda: side_branch("wip/release-upload", [
        ("scripts: upload release images to GitHub", [(RELEASE_UPLOAD, text("sh", [
            "#!/bin/sh", "set -e", f"GITHUB_TOKEN={GH2}",
            'gh release upload "$1" output/images/*.swu']))]),
        ("scripts: upload the SBOM too", [(RELEASE_UPLOAD, text("sh", [
            "#!/bin/sh", "set -e", f"GITHUB_TOKEN={GH2}",
            'gh release upload "$1" output/images/*.swu output/sbom.cdx.json']))])],
        False, f"GitHub token: {RELEASE_UPLOAD} (abandoned branch wip/release-upload only)")),
    (0.250, lambda: side_branch("feature/artifact-upload", [
        ("scripts: upload build artifacts to S3", [(UPLOAD, text("sh", [
            "#!/bin/sh", "set -e", f"export AWS_ACCESS_KEY_ID={AWS3[0]}", f"export AWS_SECRET_ACCESS_KEY={AWS3[1]}",
            'aws s3 cp --recursive output/images "s3://cam-builds/$1/"']))]),
        ("scripts: upload quietly", [(UPLOAD, text("sh", [
            "#!/bin/sh", "set -e", f"export AWS_ACCESS_KEY_ID={AWS3[0]}", f"export AWS_SECRET_ACCESS_KEY={AWS3[1]}",
            'aws s3 cp --quiet --recursive output/images "s3://cam-builds/$1/"']))])],
        True, f"AWS key id + secret: {UPLOAD} (branch feature/artifact-upload, merged)")),
    (0.280, lambda: plant_commit("log: alert token for remote error reports", [(LOG_REMOTE, log_remote(True))],
                                 f"Slack bot token: {LOG_REMOTE} (added)")),
    (0.300, lambda: plant_commit("cloud: stop compiling in the access key id", [(CREDS, creds_h(False))],
                                 f"AWS key id: {CREDS} (removed)")),
    (0.350, lambda: plant_commit("log: drop the webhook option", [(REMOTE_KCONFIG, None)],
                                 f"Slack webhook: {REMOTE_KCONFIG} (deleted)")),
    (0.400, lambda: plant_commit("scripts: CI uploads artifacts now", [(UPLOAD, None)],
                                 f"AWS key id + secret: {UPLOAD} (deleted)")),
    (0.450, lambda: plant_commit("log: read the alert token from the settings", [(LOG_REMOTE, log_remote(False))],
                                 f"Slack bot token: {LOG_REMOTE} (removed)")),
]
EVENTS = [(int(N * at), action) for at, action in EVENTS]
TAGS = [(0.2, "v1.0.0"), (0.4, "v1.1.0"), (0.6, "v2.0.0"), (0.8, "v2.1.0")]
TAGS = [(int(N * at), name) for at, name in TAGS]
LIGHT_TAG = (int(N * 0.5), "cam200-factory-build")
tags = []
open_branches = []
branch_names = {}


def pick_paths(k):
    """k distinct editable paths, mostly from one folder, none owned by a side branch or planted."""
    chosen = []
    for _ in range(k * 8):
        if len(chosen) == k:
            break
        if chosen and rng.permille(850):
            siblings = by_dir[folder(chosen[0])]
            path = rng.pick(siblings)
        else:
            path = rng.pick(editable)
        if path not in reserved and path not in frozen and path not in chosen:
            chosen.append(path)
    return chosen


def add_file():
    if not pool:
        return None
    path, maker = pool.pop(rng.below(len(pool)))
    f = maker()
    track(path, f)
    changes = [(path, f)]
    if f.kind == "c":
        mk = files[makefiles[f.subsys]]
        mk.lines.append(f"obj-$(CONFIG_{f.subsys.upper()}) += {f.subsys}_{f.noun}.o")
        changes.append((makefiles[f.subsys], mk))
    return f"{f.subsys}: add {path.rsplit('/', 1)[1]}", changes


def delete_file():
    for _ in range(20):
        path = rng.pick(editable)
        if path in reserved or path in frozen or files[path].kind in ("kconfig", "defconfig"):
            continue
        f = untrack(path)
        if path in makers:
            pool.append((path, makers[path]))  # may come back later, as files do
        changes = [(path, None)]
        if f.kind == "c":
            mk = files[makefiles[f.subsys]]
            mk.lines = [line for line in mk.lines if not line.endswith(f" {f.subsys}_{f.noun}.o")]
            changes.append((makefiles[f.subsys], mk))
        return f"{f.subsys}: remove {path.rsplit('/', 1)[1]}, no longer used", changes
    return None


def rename_file():
    for _ in range(20):
        path = rng.pick(editable)
        f = files[path]
        if path in reserved or path in frozen or f.kind not in ("doc", "sh", "blob"):
            continue
        name = path.rsplit("/", 1)[1]
        new = path[: -len(name)] + (name.replace(".", "-old.", 1) if "." in name else name + "-old")
        if new in files:
            continue
        untrack(path)
        track(new, f)
        if path in makers:
            pool.append((path, makers[path]))
        return f"{f.subsys}: keep {path.rsplit('/', 1)[1]} as the old version", [(path, None), (new, f)]
    return None


def regular_commit():
    k = rng.pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6])
    r = rng.below(1000)
    got = add_file() if r < 120 else delete_file() if r < 126 else rename_file() if r < 129 else None
    while got is None:
        changes, msg = [], None
        for path in pick_paths(k):
            what = EDITORS[files[path].kind](files[path])
            msg = msg or message(files[path], what)
            changes.append((path, files[path]))
        got = (msg, changes) if changes else None
    main_commit(rng.pick(AUTHORS), *got)


def open_branch():
    s = rng.pick(SUBSYS)
    siblings = [p for p in by_dir.get(f"src/{s}", []) if p not in reserved and p not in frozen]
    if len(siblings) < 3:
        return
    own = []
    for _ in range(rng.between(2, 5)):
        p = rng.pick(siblings)
        if p not in own:
            own.append(p)
    base = f"feature/{s}-{rng.pick(NOUNS)}"
    branch_names[base] = branch_names.get(base, 0) + 1
    name = base if branch_names[base] == 1 else f"{base}-{branch_names[base]}"
    b = {"name": name, "tip": main_tip, "files": {p: files[p].copy() for p in own}, "changed": [],
         "left": rng.between(3, 20), "merge": not rng.permille(170), "who": rng.pick(AUTHORS)}
    for p in own:
        reserved[p] = name
    open_branches.append(b)


def branch_commit(b):
    global steps
    paths = list(b["files"])
    k = rng.between(1, min(3, len(paths)))
    chosen, msg = [], None
    for _ in range(k):
        p = rng.pick(paths)
        if p not in chosen:
            chosen.append(p)
    changes = []
    for p in chosen:
        f = b["files"][p]
        what = EDITORS[f.kind](f)
        msg = msg or message(f, what)
        changes.append((p, f))
        if p not in b["changed"]:
            b["changed"].append(p)
    who = b["who"] if rng.permille(800) else rng.pick(AUTHORS)
    b["tip"] = emit_commit(f"refs/heads/{b['name']}", who, msg, b["tip"], changes)
    steps += 1
    b["left"] -= 1


def close_branch(b):
    open_branches.remove(b)
    for p in b["files"]:
        del reserved[p]
    if not b["merge"]:
        return
    changes = []
    for p in sorted(b["changed"]):
        files[p] = b["files"][p]
        changes.append((p, files[p]))
    main_commit(MAINTAINER, f"Merge branch '{b['name']}'", changes, merge=b["tip"])
    plan("delete-ref", f"refs/heads/{b['name']}")


event_at = 0
while steps < N:
    if event_at < len(EVENTS) and steps >= EVENTS[event_at][0]:
        EVENTS[event_at][1]()
        event_at += 1
    elif open_branches and rng.permille(250):
        b = rng.pick(open_branches)
        if b["left"] > 0:
            branch_commit(b)
        else:
            close_branch(b)  # a merge is a commit; an abandoned branch just stops
    else:
        regular_commit()
        if len(open_branches) < 4 and N - steps > 40 and rng.permille(15):
            open_branch()
    while TAGS and steps >= TAGS[0][0]:
        tags.append((TAGS.pop(0)[1], main_tip, clock))
    if LIGHT_TAG and steps >= LIGHT_TAG[0]:
        OUT.write(f"reset refs/tags/{LIGHT_TAG[1]}\nfrom :{main_tip}\n\n".encode())
        LIGHT_TAG = None
tags.append(("v2.2.0", main_tip, clock))

for name, mark, when in tags:
    msg = f"CAM firmware {name[1:]}".encode()
    OUT.write(f"tag {name}\nfrom :{mark}\ntagger {person(MAINTAINER, when + 3600)}\n".encode())
    OUT.write(b"data %d\n%s\n" % (len(msg), msg))
OUT.write(b"done\n")
OUT.flush()
plan("commits", steps)
plan("files", len(files))
PLAN.close()
PY

git -C "$out" symbolic-ref HEAD refs/heads/main
while IFS=$'\t' read -r what a _; do
  [[ $what == delete-ref ]] && git -C "$out" update-ref -d "$a"
done < "$work/plan.tsv"
git -C "$out" reset -q --hard main
elapsed=$(($(date +%s) - start))

count=$(git -C "$out" rev-list --all --count)
echo "wrote $out in ${elapsed} s"
echo "  commits: $count ($(git -C "$out" rev-list --all --merges --count) merges), files at HEAD: $(git -C "$out" ls-files | wc -l)"
branches=$(git -C "$out" for-each-ref --format='%(refname:short)' refs/heads)
echo "  branches: $(wc -l <<< "$branches") ($(head -n 8 <<< "$branches" | paste -sd ' ')$( (($(wc -l <<< "$branches") > 8)) && echo ' ...'))"
echo "  tags: $(git -C "$out" for-each-ref --format='%(refname:short)' refs/tags | paste -sd ' ')"
echo "  HEAD: $(git -C "$out" rev-parse HEAD), repository size $(du -sh "$out/.git" | cut -f1)"
echo "  planted secrets (commit, what):"
while IFS=$'\t' read -r what mark label; do
  [[ $what == plant ]] || continue
  sha=$(awk -v m=":$mark" '$1 == m { print substr($2, 1, 12) }' "$work/marks")
  echo "    $sha  $label"
done < "$work/plan.tsv"
[[ $count -eq $commits ]] || die "expected $commits commits, the repository has $count"
