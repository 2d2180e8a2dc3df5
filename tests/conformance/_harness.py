"""Shared plumbing for regen.py, run_one.py and check_manifest.py.

Every program under tests/conformance/level*/ is run the same way, whether the
runner is the reference interpreter (python3, CPython 3.11) or yieldscope:

  * the working directory is the program's own folder and the program is named
    by its bare file name, so tracebacks say  File "NAME.py", line N;
  * the environment is the caller's minus every PYTHON* variable, plus
    PYTHONHASHSEED=0 and PYTHONDONTWRITEBYTECODE=1 (and a UTF-8 locale for I/O);
  * stdin is /dev/null;
  * in both stdout and stderr, before anything is compared or written:
    - the program folder's absolute path followed by a slash is removed.
      CPython 3.11 makes the script path absolute (tracebacks say
      File "/abs/dir/NAME.py"), which would tie the checked-in expectations
      to one checkout; after this step they say File "NAME.py", whether the
      runner printed the absolute or the bare name;
    - memory addresses (0x followed by lowercase hex digits) become 0x?.

Kept compatible with old Python 3 versions on purpose: CMake may hand these
scripts to whichever Python 3 it finds.
"""

import os
import re
import signal
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
# The shipped examples are conformance programs too, so what a class sees printed is
# what python3 prints; their expectations live here, mirroring assets/examples/.
EXAMPLES_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "assets", "examples"))
EXAMPLE_EXPECT_DIR = os.path.join(HERE, "examples")
TIMEOUT_SECONDS = 10
EXPECT_SUFFIXES = (".out", ".err", ".status")

_ADDR = re.compile(rb"0x[0-9a-f]+")


def normalize(data, folder=None):
    """Strip the program folder prefix, then replace addresses with 0x?.

    bytes in, bytes out; folder is the program's directory (absolute).
    """
    if folder:
        prefixes = {os.path.abspath(folder), os.path.realpath(folder)}
        for p in sorted(prefixes, key=len, reverse=True):
            data = data.replace(os.fsencode(p.rstrip(os.sep) + os.sep), b"")
    return _ADDR.sub(b"0x?", data)


def program_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    return env


def level_dirs():
    """Sorted list of tests/conformance/level*/ directories."""
    out = []
    for name in sorted(os.listdir(HERE)):
        path = os.path.join(HERE, name)
        if name.startswith("level") and os.path.isdir(path):
            out.append(path)
    return out


def example_programs():
    """Sorted absolute paths of the shipped examples (assets/examples/**.py)."""
    out = []
    for root, dirs, files in os.walk(EXAMPLES_DIR):
        dirs.sort()
        out.extend(os.path.join(root, n) for n in sorted(files) if n.endswith(".py"))
    return out


def programs():
    """Sorted absolute paths of every *.py program under level*/, then the examples."""
    out = []
    for d in level_dirs():
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                out.append(os.path.join(d, name))
    return out + example_programs()


def expectation_dirs():
    """Every folder that holds expectation files."""
    out = list(level_dirs())
    for root, dirs, _ in os.walk(EXAMPLE_EXPECT_DIR):
        dirs.sort()
        out.append(root)
    return out


def run_program(argv_prefix, program, timeout=TIMEOUT_SECONDS):
    """Run argv_prefix + [basename(program)] in the program's folder.

    Returns (stdout, stderr, status_text) with addresses normalized, or raises
    subprocess.TimeoutExpired.
    """
    folder, name = os.path.split(os.path.abspath(program))
    proc = subprocess.Popen(
        list(argv_prefix) + [name],
        cwd=folder,
        env=program_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so a timeout can kill the whole group
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        proc.communicate()
        raise
    status = ("%d\n" % proc.returncode).encode()
    return normalize(out, folder), normalize(err, folder), status


def expectation_paths(program):
    program = os.path.abspath(program)
    if program.startswith(EXAMPLES_DIR + os.sep):
        program = os.path.join(EXAMPLE_EXPECT_DIR, os.path.relpath(program, EXAMPLES_DIR))
    stem = program[:-3] if program.endswith(".py") else program
    return [stem + s for s in EXPECT_SUFFIXES]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def rel(path):
    return os.path.relpath(path, HERE)
