package newfindings

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

// Patch is what a unified diff adds: for each file it leaves in place, the
// lines (1-based, in the new file) it adds or changes.
type Patch struct {
	Added map[string]map[int]bool // by the file's path in the diff ("svc/main.py")
}

// ReadPatch reads a unified diff (git diff, diff -u). A file that is not
// one, or whose hunks do not add up, is an error naming the line.
func ReadPatch(name string) (*Patch, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	p, err := ParsePatch(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// ParsePatch parses a unified diff.
func ParsePatch(b []byte) (*Patch, error) {
	p := &Patch{Added: map[string]map[int]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	var (
		n          int    // line number in the diff
		file       string // the current file ("" before a +++ or for /dev/null)
		haveFile   bool
		oldN, newN int // lines of the current hunk still to come
		line       int // the new file's line number of the next + or context line
		hunks      int
	)
	for sc.Scan() {
		n++
		t := sc.Text()
		if oldN > 0 || newN > 0 {
			switch {
			case strings.HasPrefix(t, "+"):
				if newN == 0 {
					return nil, fmt.Errorf("line %d: the hunk has more added lines than its header says", n)
				}
				if file != "" {
					p.Added[file][line] = true
				}
				line++
				newN--
			case strings.HasPrefix(t, "-"):
				if oldN == 0 {
					return nil, fmt.Errorf("line %d: the hunk has more removed lines than its header says", n)
				}
				oldN--
			case strings.HasPrefix(t, " ") || t == "":
				if oldN == 0 || newN == 0 {
					return nil, fmt.Errorf("line %d: the hunk has more context lines than its header says", n)
				}
				line++
				oldN--
				newN--
			case strings.HasPrefix(t, `\`): // \ No newline at end of file
			default:
				return nil, fmt.Errorf("line %d: the hunk ends early (%d old and %d new lines missing): not a unified diff, or a truncated one", n, oldN, newN)
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, `\`):
		case hunks > 0 && (strings.HasPrefix(t, "+") && !strings.HasPrefix(t, "+++ ") ||
			strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "--- ") && t != "-- "):
			// (format-patch's signature is "-- ".)
			return nil, fmt.Errorf("line %d: the hunk has more lines than its header says", n)
		case strings.HasPrefix(t, "+++ "):
			file = patchPath(t[4:])
			haveFile = true
			if file != "" && p.Added[file] == nil {
				p.Added[file] = map[int]bool{}
			}
		case strings.HasPrefix(t, "@@"):
			if !haveFile {
				return nil, fmt.Errorf("line %d: a hunk before any +++ file header", n)
			}
			var err error
			if line, oldN, newN, err = hunkHeader(t); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			hunks++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if oldN > 0 || newN > 0 {
		return nil, fmt.Errorf("line %d: the last hunk ends early (%d old and %d new lines missing): a truncated diff", n, oldN, newN)
	}
	if hunks == 0 && len(bytes.TrimSpace(b)) > 0 && !bytes.Contains(b, []byte("\n+++ ")) && !bytes.HasPrefix(b, []byte("+++ ")) {
		return nil, fmt.Errorf("not a unified diff (no --- / +++ file headers and no @@ hunks)")
	}
	return p, nil
}

// hunkHeader reads "@@ -a,b +c,d @@": the new file's first line and the
// old and new line counts.
func hunkHeader(t string) (start, oldN, newN int, err error) {
	f := strings.Fields(t)
	if len(f) < 4 || f[0] != "@@" || f[3] != "@@" || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, fmt.Errorf("malformed hunk header %q (want @@ -a,b +c,d @@)", t)
	}
	_, oldN, err1 := rangeOf(f[1][1:])
	start, newN, err2 := rangeOf(f[2][1:])
	if err1 != nil || err2 != nil {
		return 0, 0, 0, fmt.Errorf("malformed hunk header %q (want @@ -a,b +c,d @@)", t)
	}
	return start, oldN, newN, nil
}

func rangeOf(s string) (start, count int, err error) {
	a, b, ok := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil || start < 0 {
		return 0, 0, fmt.Errorf("bad range")
	}
	count = 1
	if ok {
		if count, err = strconv.Atoi(b); err != nil || count < 0 {
			return 0, 0, fmt.Errorf("bad range")
		}
	}
	return start, count, nil
}

// patchPath is the path of a +++ header: without a timestamp, quotes and
// git's b/ prefix; "" for /dev/null (a deleted file).
func patchPath(s string) string {
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if uq, err := strconv.Unquote(s); err == nil && strings.HasPrefix(s, `"`) {
		s = uq
	}
	if s == "/dev/null" {
		return ""
	}
	s = strings.TrimPrefix(s, "b/")
	return strings.TrimPrefix(s, "./")
}

// lines returns the added lines of the patch's file that is rel (a path
// below the project root): the same path, or one the patch names from a
// directory above or below the root.
func (p *Patch) lines(rel string) map[int]bool {
	if l, ok := p.Added[rel]; ok {
		return l
	}
	for f, l := range p.Added {
		if strings.HasSuffix(f, "/"+rel) || strings.HasSuffix(rel, "/"+f) {
			return l
		}
	}
	return nil
}

// Filter keeps the findings of res that lie on a line the patch adds or
// changes, and says how many it hid.
func (p *Patch) Filter(res *driver.Result, name string) string {
	hidden := res.Keep(func(d *lint.Diagnostic) bool {
		added := p.lines(res.RelPath(d.Path))
		for l := d.Range.Start.Line; l <= max(d.Range.End.Line, d.Range.Start.Line); l++ {
			if added[l] {
				return true
			}
		}
		return false
	})
	return fmt.Sprintf("%d findings on lines the patch %s does not add or change are not reported (--new-from-patch looks at changed lines only; --new-from-rev also finds what a change causes elsewhere)", hidden, name)
}
