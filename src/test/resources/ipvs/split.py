"""Splits the capture's strace log into NN-step/KK-send.bin / KK-recv.bin (see README.md)."""
import os, re, shutil, sys

log, root = sys.argv[1], sys.argv[2]
steps = []  # (name, command, strace lines, output lines)
for line in open(log, encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if line.startswith("=== ") and line != "=== output":
        name, cmd = line[4:].split("|", 1)
        steps.append((name, cmd, [], []))
    elif line == "=== output":
        steps[-1] = steps[-1] + ("out",)
    elif steps:
        (steps[-1][3] if len(steps[-1]) == 5 else steps[-1][2]).append(line)

for step in steps:
    name, cmd, trace, output = step[:4]
    d = os.path.join(root, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    with open(os.path.join(d, "command.txt"), "w") as f:
        f.write(cmd + "\n")
    with open(os.path.join(d, "output.txt"), "w") as f:
        f.write("".join(l + "\n" for l in output))
    with open(os.path.join(d, "strace.txt"), "w") as f:
        f.write("".join(l + "\n" for l in trace))
    n, cur, kind = 0, None, None
    def flush():
        global n
        if cur is not None and kind is not None:
            n += 1
            with open(os.path.join(d, "%02d-%s.bin" % (n, kind)), "wb") as f:
                f.write(bytes(cur))
    for l in trace:
        m = re.match(r"^(sendmsg|recvmsg)\(", l)
        if m:
            flush()
            cur = bytearray()
            # libnl peeks at each datagram before reading it: the peek is the same bytes, skipped
            kind = None if "MSG_PEEK" in l else ("send" if m.group(1) == "sendmsg" else "recv")
            continue
        h = re.match(r"^ \| [0-9a-f]{5}  ((?:[0-9a-f]{2} {1,2}){1,16})", l)
        if h and cur is not None:
            cur.extend(bytes.fromhex(h.group(1).replace(" ", "")))
    flush()
