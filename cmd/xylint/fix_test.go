package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xynergy/xylint/internal/testutil/filetree"
	"github.com/xynergy/xylint/internal/testutil/validators"
)

// End-to-end tests of `xylint fix` on temporary trees.

const fixable = "import os\r\n" +
	"\r\n" +
	"\r\n" +
	"def handler(request, payload):\r\n" +
	"    print(\"got\", payload, os.sep)\r\n" +
	"    print(\"kept\")  # noqa: T201\r\n" +
	"    try:\r\n" +
	"        do_work()\r\n" +
	"    except Exception:\r\n" +
	"        pass\r\n"

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// broken has a syntax error; its print would have a fix (logging is set
// up), which is not applied.
const broken = "import logging\n\nlogging.basicConfig(level=logging.INFO)\n\n\ndef f(:\n    print('x')\n"

// logSetup sets the program's logging up so that INFO records show: a
// print's fix to logger.info is withheld without it (XY005's Fix safety).
// At the top of a tree it serves every service directory below.
const logSetup = "import logging\n\nlogging.basicConfig(level=logging.INFO)\n"

func TestFixInPlaceKeepsModeAndCRLF(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"svc/main.py": fixable, "svc/broken.py": broken, "logconf.py": logSetup})
	p := filepath.Join(root, "svc/main.py")
	if err := os.Chmod(p, 0o750); err != nil {
		t.Fatal(err)
	}
	r := xylint(t, root, "fix", ".")
	// The broad except's fix is unsafe: one finding left, exit 1.
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	got := readFile(t, p)
	want := "import logging\r\nimport os\r\n\r\nlogger = logging.getLogger(__name__)\r\n\r\n\r\n" +
		"def handler(request, payload):\r\n" +
		"    logger.info(\"got %s %s\", payload, os.sep)\r\n" +
		"    print(\"kept\")  # noqa: T201\r\n" +
		"    try:\r\n        do_work()\r\n    except Exception:\r\n        pass\r\n"
	if got != want {
		t.Errorf("fixed file:\n%q\nwant:\n%q", got, want)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o750 {
		t.Errorf("mode %v, want 0750", fi.Mode().Perm())
	}
	if got := readFile(t, filepath.Join(root, "svc/broken.py")); got != broken {
		t.Errorf("a file with syntax errors was changed: %q", got)
	}
	for _, s := range []string{"XY005 [print-call]", "fixed 1", "unsafe fix: use --unsafe-fixes", "XY004 [broad-except]", "syntax errors"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("output lacks %q:\n%s", s, r.stdout)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(root, "svc"))
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	// A second run changes nothing.
	r = xylint(t, root, "fix", "--diff", ".")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("second run: exit %d, diff:\n%s", r.code, r.stdout)
	}

	// With --unsafe-fixes the handler logs the exception; afterwards
	// nothing is left but the syntax error, the noqa'd print.
	r = xylint(t, root, "fix", "--unsafe-fixes", "svc/main.py")
	if r.code != 0 {
		t.Errorf("--unsafe-fixes: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := readFile(t, p); !strings.Contains(got, "        logger.exception(\"ignored exception in handler()\")\r\n") || strings.Contains(got, "pass") {
		t.Errorf("after --unsafe-fixes:\n%s", got)
	}
}

func TestFixDiffWritesNothing(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"svc/main.py": fixable, "logconf.py": logSetup})
	p := filepath.Join(root, "svc/main.py")
	r := xylint(t, root, "fix", "--diff", "--unsafe-fixes")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (there would be changes)\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "--- a/svc/main.py\n+++ b/svc/main.py\n") ||
		!strings.Contains(r.stdout, "+    logger.info(\"got %s %s\", payload, os.sep)\r\n") ||
		!strings.Contains(r.stdout, "-        pass\r\n") {
		t.Errorf("diff:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "Would fix 2 findings in 1 file") {
		t.Errorf("summary on stderr:\n%s", r.stderr)
	}
	if readFile(t, p) != fixable {
		t.Error("--diff wrote the file")
	}
	// A clean tree: exit 0, no diff.
	clean := filetree.Temp(t, map[string]string{"ok.py": "import logging\n"})
	if r := xylint(t, clean, "fix", "--diff"); r.code != 0 || r.stdout != "" {
		t.Errorf("clean tree: exit %d, stdout %q", r.code, r.stdout)
	}
}

// The fixes that `check` reports in JSON and SARIF are the ones `fix`
// applies: applying the reported edits (by offset for JSON, by line and
// code-point column for SARIF) gives the file `fix` writes.
func TestReportedFixesMatchFix(t *testing.T) {
	// One finding, after a non-ASCII character on its line, so that
	// columns in code points and offsets in bytes differ.
	src := "import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef f(x):\n    y = \"é\"; print(\"é\", x)\n"
	root := filetree.Temp(t, map[string]string{"m.py": src, "logconf.py": logSetup})

	var rep struct {
		Diagnostics []struct {
			Code string
			Fix  *struct {
				Safety string
				Edits  []struct {
					Range struct {
						Start, End struct{ Offset, Line, Column int }
					}
					New string
				}
			}
		}
	}
	r := xylint(t, root, "check", "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(rep.Diagnostics) != 1 || rep.Diagnostics[0].Fix == nil || rep.Diagnostics[0].Fix.Safety != "safe" {
		t.Fatalf("want one finding with a safe fix:\n%s", r.stdout)
	}
	e := rep.Diagnostics[0].Fix.Edits[0]
	fromJSON := src[:e.Range.Start.Offset] + e.New + src[e.Range.End.Offset:]

	sarif := xylint(t, root, "check", "--format", "sarif").stdout
	validators.AJV(t, validators.SARIFSchema(t), sarif)
	validators.SARIFMultitool(t, sarif)
	var log struct {
		Runs []struct {
			Results []struct {
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil {
		t.Fatal(err)
	}
	rp := log.Runs[0].Results[0].Fixes[0].ArtifactChanges[0].Replacements[0]
	start := offsetOf(src, rp.DeletedRegion.StartLine, rp.DeletedRegion.StartColumn)
	end := offsetOf(src, rp.DeletedRegion.EndLine, rp.DeletedRegion.EndColumn)
	fromSARIF := src[:start] + rp.InsertedContent.Text + src[end:]

	if r := xylint(t, root, "fix"); r.code != 0 {
		t.Fatalf("fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	fixed := readFile(t, filepath.Join(root, "m.py"))
	if fromJSON != fixed || fromSARIF != fixed {
		t.Errorf("fix wrote:\n%s\nJSON edits give:\n%s\nSARIF replacements give:\n%s", fixed, fromJSON, fromSARIF)
	}
}

// offsetOf converts a 1-based line and code-point column to a byte offset.
func offsetOf(src string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		off += strings.IndexByte(src[off:], '\n') + 1
	}
	for c := 1; c < col; c++ {
		_, n := utf8.DecodeRuneInString(src[off:])
		off += n
	}
	return off
}
