package pyrules_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// compileScript compiles each source it reads from stdin (a line with its
// length in bytes, then the bytes) as `python3 -m py_compile` does
// (importlib's source_to_code: compile(data, path, "exec",
// dont_inherit=True) on the undecoded bytes, so a BOM or a coding cookie
// is honoured) and answers "ok" or "err" and the exception on one line.
const compileScript = `import sys
inp, out = sys.stdin.buffer, sys.stdout
while True:
    line = inp.readline()
    if not line:
        break
    src = inp.read(int(line))
    try:
        compile(src, "main.py", "exec", dont_inherit=True)
        out.write("ok\n")
    except BaseException as e:
        out.write("err " + repr(e).replace("\n", " ") + "\n")
    out.flush()
`

// compileWorker is one python3 process that compiles sources for a test,
// so that every fuzz input can be checked against CPython for the cost of
// a compile, not of a python3 start.
type compileWorker struct {
	tb  testing.TB
	mu  sync.Mutex
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// errWorker is returned when python3 died on an input (a crash of
// python3, not an answer about the source): callers skip the check.
var errWorker = errors.New("the python3 worker died")

// newCompileWorker returns a worker for tb, stopped when tb ends. The test
// fails when python3 is missing: the guarantee that fixed files compile is
// checked with the real CPython, never assumed.
func newCompileWorker(tb testing.TB) *compileWorker {
	tb.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		tb.Fatalf("python3 is needed to compile inputs and fixed outputs: %v", err)
	}
	w := &compileWorker{tb: tb}
	tb.Cleanup(w.close)
	return w
}

func (w *compileWorker) start() error {
	cmd := exec.Command("python3", "-I", "-c", compileScript)
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	w.cmd, w.in, w.out = cmd, in, bufio.NewReader(out)
	return nil
}

// compiles returns nil when CPython compiles src, the compile error when it
// does not, and errWorker when python3 itself failed.
func (w *compileWorker) compiles(src []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cmd == nil {
		if err := w.start(); err != nil {
			w.tb.Fatalf("starting python3: %v", err)
		}
	}
	if _, err := fmt.Fprintf(w.in, "%d\n", len(src)); err != nil {
		return w.died()
	}
	if _, err := w.in.Write(src); err != nil {
		return w.died()
	}
	line, err := w.out.ReadString('\n')
	if err != nil {
		return w.died()
	}
	line = strings.TrimSuffix(line, "\n")
	if line == "ok" {
		return nil
	}
	return errors.New(strings.TrimPrefix(line, "err "))
}

func (w *compileWorker) died() error {
	w.stop()
	return errWorker
}

func (w *compileWorker) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stop()
}

func (w *compileWorker) stop() {
	if w.cmd == nil {
		return
	}
	w.in.Close()
	w.cmd.Process.Kill()
	w.cmd.Wait()
	w.cmd = nil
}
