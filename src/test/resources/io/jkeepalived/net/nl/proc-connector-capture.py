# Captures the process events connector fixtures of ProcConnectorTest: run as root in the initial
# network namespace (python3 proc-connector-capture.py); prints "what hex" per netlink datagram.
# Inside a non-initial namespace the send fails with ConnectionRefusedError: [Errno 111].
import socket, struct, subprocess, os, sys
s = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, 11)
s.bind((os.getpid(), 1))
cn = struct.pack("=IIIIHH", 1, 1, 0, 0, 4, 0) + struct.pack("=I", 1)
nl = struct.pack("=IHHII", 16 + len(cn), 3, 0, 0, os.getpid()) + cn
s.send(nl)
p = subprocess.Popen(["python3", "-c", "import ctypes; ctypes.CDLL(None).prctl(15, b\"cncapfix\", 0, 0, 0)"])
p.wait()
s.settimeout(1.0)
out = []
try:
    while True:
        d = s.recv(65536)
        out.append(d)
except socket.timeout:
    pass
for d in out:
    what = struct.unpack_from("=I", d, 36)[0]
    print(hex(what), d.hex())
