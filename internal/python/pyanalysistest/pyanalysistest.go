// Package pyanalysistest runs a Python analyzer over test files and checks
// its findings against expectations written in the files, as
// golang.org/x/tools/go/analysis/analysistest does for Go.
//
// Every expected finding is a trailing comment on the line where it starts:
//
//	print("x")  # want "`print` call"
//	except Exception:  # want "swallows" "another finding on this line"
//
// Each string is a Go string literal ("..." or `...`) holding a regular
// expression matched against the diagnostic's message; each matches one
// finding. A level before a string (note, warning or error) makes the
// finding's level part of the expectation:
//
//	except Exception as e:  # want note "logs the error"
//
// Without one, any level matches. A finding without a matching expectation, and an expectation
// without a finding, fail the test with file:line.
//
// Run analyses dir/*.py one by one, and each subfolder of dir as one
// project (a multi-file project for cross-file rules): its files get their
// module names from the subfolder's layout (internal/python/modules, as in
// the driver: a service's main.py is `main`, `pkg/__init__.py` makes a
// package, `shared/` beside a service is importable from it), the
// analyzer's Project phase runs over the facts of all of them with that
// layout in ProjectPass.Modules, and `# want` comments in any of the files
// are checked, also against findings the Project phase reports.
package pyanalysistest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xynergy/xylint/internal/deploy"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// T is the part of *testing.T that Run uses (so that the harness itself can
// be tested with a recorder).
type T interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Result is one analysed file, for tests that check more than messages.
type Result struct {
	Path   string // relative to dir, slash-separated
	Result *lint.FileResult
}

// Run analyses the test files under dir with a, using the rule's default
// options, and checks the findings against the files' `# want` comments.
func Run(t T, dir string, a *pyanalysis.Analyzer) []Result {
	t.Helper()
	return RunWithOptions(t, dir, a, nil)
}

// RunWithOptions is Run with the rule's options given (nil: defaults).
func RunWithOptions(t T, dir string, a *pyanalysis.Analyzer, opts any) []Result {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading test data: %v", err)
		return nil
	}
	var results []Result
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			results = append(results, runProject(t, dir, p, a, opts)...)
		case strings.HasSuffix(e.Name(), ".py"):
			results = append(results, runProject(t, dir, p, a, opts)...)
		}
	}
	if len(results) == 0 {
		t.Fatalf("no .py test files under %s", dir)
	}
	return results
}

// runProject analyses one file, or every .py file below one folder, then
// runs the project phase and checks all findings.
func runProject(t T, dir, root string, a *pyanalysis.Analyzer, opts any) []Result {
	t.Helper()
	var files []string
	if st, err := os.Stat(root); err == nil && st.IsDir() {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
				files = append(files, p)
			}
			return nil
		})
	} else {
		files = []string{root}
	}
	sort.Strings(files)
	cfg := config(t, a, opts)
	// Module names come from the project's layout (internal/python/modules),
	// as the driver derives them: a service's main.py is `main`, a folder
	// with `__init__.py` is a package.
	rels := make([]string, len(files))
	for i, f := range files {
		rel, _ := filepath.Rel(dir, f)
		rels[i] = filepath.ToSlash(rel)
	}
	mods := modules.New(rels)
	reader := deploy.New()
	var results []Result
	var facts []*pyanalysis.FileFacts
	diags := map[string][]lint.Diagnostic{}
	srcs := map[string][]byte{}
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("%v", err)
			return nil
		}
		rel := rels[i]
		cfg.Module = mods.Module(rel)
		cfg.Deployment = Deployment(reader, dir, rel)
		res, ff := pyanalysis.Analyze(rel, blankWants(t, rel, src), cfg)
		if res.Err != nil {
			t.Errorf("%s: analysis failed: %v", rel, res.Err)
		}
		facts = append(facts, ff)
		diags[rel] = append(diags[rel], res.Diagnostics...)
		srcs[rel] = src
		results = append(results, Result{Path: rel, Result: res})
	}
	pc := projectConfig(cfg, mods)
	pc.Deployment = func(rel string) *deploy.Service { return Deployment(reader, dir, rel) }
	pds, err := pyanalysis.RunProject(facts, pc)
	if err != nil {
		t.Errorf("%s: project phase failed: %v", root, err)
	}
	for _, d := range pds {
		diags[d.Path] = append(diags[d.Path], d)
	}
	for _, r := range results {
		check(t, filepath.Join(dir, filepath.FromSlash(r.Path)), srcs[r.Path], diags[r.Path])
	}
	return results
}

// blankWants returns src with its `# want` comments replaced by spaces:
// the expectations' text ("... reaches no auth dependency") must not pass
// a prefilter that the code alone would not. Offsets and lines are kept.
func blankWants(t T, path string, src []byte) []byte {
	t.Helper()
	f, err := syntax.Parse(path, src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
		return src
	}
	var out []byte
	for n := range f.Tree.All() {
		if !n.Is(syntax.KindComment) || !wantRE.Match(n.Text()) {
			continue
		}
		if out == nil {
			out = bytes.Clone(src)
		}
		for i := n.Start(); i < n.End(); i++ {
			out[i] = ' '
		}
	}
	if out == nil {
		return src
	}
	return out
}

type want struct {
	line  int
	re    *regexp.Regexp
	level *lint.Severity // nil: any
	used  bool
}

func (w *want) String() string {
	if w.level != nil {
		return w.level.String() + " " + strconv.Quote(w.re.String())
	}
	return strconv.Quote(w.re.String())
}

var wantRE = regexp.MustCompile(`^#\s*want\s+(.*)$`)

// parseWants reads the `# want` comments of a file. They are read from the
// syntax tree's comments, so a "# want" inside a string is not one.
func parseWants(t T, path string, src []byte) []*want {
	t.Helper()
	f, err := syntax.Parse(path, src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
		return nil
	}
	var ws []*want
	for _, c := range f.Comments {
		m := wantRE.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		rest := strings.TrimSpace(m[1])
		for rest != "" {
			var level *lint.Severity
			if word, after, ok := strings.Cut(rest, " "); ok && (word == "note" || word == "warning" || word == "error") {
				sev, _ := lint.ParseSeverity(word)
				level, rest = &sev, strings.TrimSpace(after)
			}
			lit, err := quotedPrefix(rest)
			if err != nil {
				t.Errorf("%s:%d: bad want comment: %v", path, c.Line, err)
				break
			}
			s, _ := strconv.Unquote(lit)
			re, err := regexp.Compile(s)
			if err != nil {
				t.Errorf("%s:%d: bad want regexp: %v", path, c.Line, err)
			} else {
				ws = append(ws, &want{line: c.Line, re: re, level: level})
			}
			rest = strings.TrimSpace(rest[len(lit):])
		}
	}
	return ws
}

func quotedPrefix(s string) (string, error) {
	lit, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", fmt.Errorf("want a Go string literal at %q", s)
	}
	return lit, nil
}

// check matches a file's diagnostics against its wants.
func check(t T, path string, src []byte, diags []lint.Diagnostic) {
	t.Helper()
	ws := parseWants(t, path, src)
	slices.SortFunc(diags, func(a, b lint.Diagnostic) int { return a.Range.Start.Offset - b.Range.Start.Offset })
	for _, d := range diags {
		matched := false
		for _, w := range ws {
			if !w.used && w.line == d.Range.Start.Line && w.re.MatchString(d.Message) && (w.level == nil || *w.level == d.Severity) {
				w.used, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected finding: %s %s (%s)", path, d.Range.Start.Line, d.Range.Start.Column, d.Rule.ID(), d.Message, d.Severity)
		}
	}
	for _, w := range ws {
		if !w.used {
			t.Errorf("%s:%d: no finding matched %s", path, w.line, w)
		}
	}
}

// Compiled compiles opts — a rule's options as configuration writes them,
// the pointer its NewOptions returns — as the configuration loader does,
// for a Config.Options: the value the analyzer's code reads. It fails the
// test when they do not compile.
func Compiled(t T, a *pyanalysis.Analyzer, opts any) any {
	t.Helper()
	if a.Rule.Options == nil {
		t.Fatalf("%s has no options", a.Rule.ID())
		return nil
	}
	c, err := a.Rule.Options.Compile(opts)
	if err != nil {
		t.Fatalf("%s: options: %v", a.Rule.ID(), err)
	}
	return c
}

// config runs a alone, with opts as its options (nil: the defaults).
func config(t T, a *pyanalysis.Analyzer, opts any) pyanalysis.Config {
	t.Helper()
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{a}}
	if opts != nil {
		c := Compiled(t, a, opts)
		cfg.Options = func(r *lint.Rule) any {
			if r == a.Rule {
				return c
			}
			return nil
		}
	}
	return cfg
}

// projectConfig runs the project phase of cfg's analyzers, over the files
// mods indexes, every file with cfg's options.
func projectConfig(cfg pyanalysis.Config, mods *modules.Index) pyanalysis.ProjectConfig {
	return pyanalysis.ProjectConfig{
		Analyzers: cfg.Analyzers,
		Modules:   mods,
		Options: func(_ string, r *lint.Rule) any {
			if cfg.Options != nil {
				return cfg.Options(r)
			}
			return nil
		},
	}
}

// Deployment is the deployment a file rel of the test project root has, as
// the driver gives it (internal/deploy): the deployment files of rel's
// directory and those above it up to root, read by r.
func Deployment(r *deploy.Reader, root, rel string) *deploy.Service {
	abs, err := filepath.Abs(filepath.Join(root, filepath.FromSlash(rel)))
	rootAbs, err2 := filepath.Abs(root)
	if err != nil || err2 != nil {
		return nil
	}
	return r.Service(filepath.Dir(abs), rootAbs)
}
