package pyanalysistest

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/deploy"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyedit"
)

// UpdateGoldenEnv names the environment variable that, set to 1, makes
// RunWithFixes write the golden files instead of comparing with them.
const UpdateGoldenEnv = "XYLINT_UPDATE_GOLDEN"

// RunWithFixes is RunWithOptions, then, for every file x.py directly in dir
// that has a fix: applies all its fixes (safe and unsafe) with the fix
// engine, as `xylint fix --unsafe-fixes` does, and compares the result with
// x.py.golden beside it. It also checks the engine's guarantees on every
// file: no fix failed (the result of a fix re-parses without new ERROR
// nodes), the fixes converged, and fixing the result again changes nothing.
// A file whose fixes change it must have a golden file; a golden file
// without changes is an error too. With XYLINT_UPDATE_GOLDEN=1 the golden
// files are written instead. Every fixed output is then compiled with the
// real `python3 -m py_compile` (valid for tree-sitter is not enough), and
// a directory in which no fix changes any file fails: its fix test would
// prove nothing. Goldens returns the compared outputs by path, for tests
// that check more.
func RunWithFixes(t T, dir string, a *pyanalysis.Analyzer, opts any, importable ...string) (results []Result, goldens map[string][]byte) {
	t.Helper()
	results = RunWithOptions(t, dir, a, opts)
	cfg := config(t, a, opts)
	update := os.Getenv(UpdateGoldenEnv) == "1"
	goldens = map[string][]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".py") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v", err)
			return
		}
		out, rep := FixSource(t, e.Name(), src, cfg, importable...)
		gp := p + ".golden"
		changed := !bytes.Equal(out, src)
		if update {
			if changed {
				if err := os.WriteFile(gp, out, 0o644); err != nil {
					t.Fatalf("%v", err)
				}
			} else {
				os.Remove(gp)
			}
		}
		want, err := os.ReadFile(gp)
		switch {
		case err != nil && changed:
			t.Errorf("%s: the fixes change the file but there is no %s (run with %s=1 to write it)", p, filepath.Base(gp), UpdateGoldenEnv)
		case err == nil && !changed:
			t.Errorf("%s: has a golden file but the fixes change nothing", p)
		case err == nil && !bytes.Equal(out, want):
			t.Errorf("%s: fixed output differs from %s:\n%s", p, filepath.Base(gp), fix.Diff(e.Name(), want, out))
		}
		if changed {
			goldens[p] = out
		}
		_ = rep
	}
	if len(goldens) == 0 {
		t.Errorf("%s: no fix changes any file", dir)
		return results, goldens
	}
	tmp, err := os.MkdirTemp("", "xylint-golden-")
	if err != nil {
		t.Fatalf("%v", err)
		return results, goldens
	}
	defer os.RemoveAll(tmp)
	Compile(t, tmp, goldens)
	return results, goldens
}

// FixSource applies every fix of cfg's analyzers to src (unsafe ones too)
// and checks the engine's guarantees: no analysis error, no failed fix,
// convergence, idempotence (fixing the result changes nothing). As in a run,
// a fix that would import what the file cannot (neither the standard
// library, nor the file, nor something it imports, nor one of importable,
// as importable-modules declares them) is withheld. The file is
// a project of its own: the analyzers' project phases run on its facts
// every round, as the driver's re-analysis does, so the fixes of cross-file
// rules are tested too. Each round analyses the file with its `# want`
// comments blanked, as RunWithOptions does (the expectation "... swallows
// the exception" is no comment of the code's: a rule that reads a
// handler's comments would take it for the author's), and the fixes apply
// to the file as it is, wants and all (blanking keeps every offset).
func FixSource(t T, path string, src []byte, cfg pyanalysis.Config, importable ...string) ([]byte, *fix.Report) {
	t.Helper()
	analyze := func(b []byte) (fix.Analysis, error) {
		return analyzeWithoutWants(t, path, b, func(b []byte) (fix.Analysis, error) { return AnalyzeAlone(path, b, cfg) })
	}
	return fixWith(t, path, src, analyze, modules.New([]string{path}), importable)
}

// FixInProject is FixSource for the file target (a path relative to root)
// of the project of every .py file under root (wants blanked, as there):
// the other files are analysed once, and each round re-analyses target and runs the project
// phases over every file's facts, as the driver does — the fixes of
// cross-file rules that depend on another file are tested with it.
func FixInProject(t T, root, target string, cfg pyanalysis.Config, importable ...string) ([]byte, *fix.Report) {
	t.Helper()
	var rels []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			rel, _ := filepath.Rel(root, p)
			rels = append(rels, filepath.ToSlash(rel))
		}
		return nil
	})
	mods := modules.New(rels)
	var others []*pyanalysis.FileFacts
	for _, rel := range rels {
		if rel == target {
			continue
		}
		src, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatalf("%v", err)
			return nil, nil
		}
		c := cfg
		c.Module = mods.Module(rel)
		if _, ff := pyanalysis.Analyze(rel, blankWants(t, rel, src), c); ff != nil {
			others = append(others, ff)
		}
	}
	src, err := os.ReadFile(filepath.Join(root, target))
	if err != nil {
		t.Fatalf("%v", err)
		return nil, nil
	}
	reader := deploy.New()
	analyzeAs := func(b []byte) (fix.Analysis, error) {
		c := cfg
		c.Module = mods.Module(target)
		res, ff := pyanalysis.Analyze(target, b, c)
		pc := projectConfig(cfg, mods)
		pc.Only = target
		pc.Deployment = func(rel string) *deploy.Service { return Deployment(reader, root, rel) }
		diags, err := pyanalysis.RunProject(append(slices.Clone(others), ff), pc)
		res.Diagnostics = append(res.Diagnostics, diags...)
		res.Err = errors.Join(res.Err, err)
		return fix.FromResult(res), res.Err
	}
	analyze := func(b []byte) (fix.Analysis, error) { return analyzeWithoutWants(t, target, b, analyzeAs) }
	return fixWith(t, target, src, analyze, mods, importable)
}

// analyzeWithoutWants is analyze of b with its `# want` comments blanked.
// The fixes apply to b as it is; a fix whose edits reach into a want
// comment (a call rewritten with the comment inside it or at its end)
// would copy the blanked text into the file, so such a finding keeps the
// fix the analysis of b itself gives it (same rule, same range).
func analyzeWithoutWants(t T, path string, b []byte, analyze func([]byte) (fix.Analysis, error)) (fix.Analysis, error) {
	t.Helper()
	blank := blankWants(t, path, b)
	an, err := analyze(blank)
	if err != nil || bytes.Equal(blank, b) {
		return an, err
	}
	var wants [][2]int // the blanked ranges
	for i := 0; i < len(b); i++ {
		if b[i] == blank[i] {
			continue
		}
		j := i
		for j < len(b) && b[j] != blank[j] {
			j++
		}
		wants = append(wants, [2]int{i, j})
		i = j
	}
	reaches := func(f *lint.Fix) bool {
		for _, e := range f.Edits {
			for _, w := range wants {
				if e.Start < w[1] && e.End > w[0] || e.Start == e.End && e.Start > w[0] && e.Start < w[1] {
					return true
				}
			}
		}
		return false
	}
	var raw *fix.Analysis
	for i, d := range an.Diagnostics {
		if d.Fix == nil || !reaches(d.Fix) {
			continue
		}
		if raw == nil {
			r, err := analyze(b)
			if err != nil {
				return an, err
			}
			raw = &r
		}
		an.Diagnostics[i].Fix = nil
		for _, rd := range raw.Diagnostics {
			if rd.Rule == d.Rule && rd.Range == d.Range {
				an.Diagnostics[i].Fix = rd.Fix
				break
			}
		}
	}
	return an, nil
}

// fixWith fixes src with analyze and checks the engine's guarantees (see
// FixSource); mods is the run's module layout, for what an import may
// name.
func fixWith(t T, path string, src []byte, analyze func([]byte) (fix.Analysis, error), mods *modules.Index, importable []string) ([]byte, *fix.Report) {
	t.Helper()
	// The file's environment, as the driver builds it: the standard
	// library, the run's files, what the file imports, and the modules
	// declared importable (importable-modules).
	env := modules.NewEnvironment(mods)
	if rt := pyedit.Runtime(src); rt != nil {
		env.Imported(rt.Imports)
	}
	opts := fix.Options{Unsafe: true, SyntaxErrors: pyedit.SyntaxErrors, Runtime: pyedit.Runtime,
		Importable: func(m string) error { return env.Importable(path, m, importable) }}
	out, rep, err := fix.FixFile(path, src, analyze, opts)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return src, rep
	}
	for _, f := range rep.Failed {
		t.Errorf("%s: fix of %s (%s) failed: %s", path, f.Rule.ID(), f.Message, f.Err)
	}
	if !rep.Converged {
		t.Errorf("%s: fixes did not converge", path)
	}
	again, rep2, err := fix.FixFile(path, out, analyze, opts)
	if err == nil && !bytes.Equal(again, out) {
		t.Errorf("%s: fixing the fixed output changes it again (not idempotent):\n%s", path, fix.Diff(path, out, again))
	}
	if err == nil && len(rep2.Applied) > 0 {
		t.Errorf("%s: fixing the fixed output applied %d more fixes", path, len(rep2.Applied))
	}
	return out, rep
}

// Compile runs the real `python3 -m py_compile` on files (by name; the
// content is written to a temporary directory): every fixed output must be
// valid Python for CPython, not just for tree-sitter. It fails the test when
// python3 is missing.
func Compile(t T, tempDir string, files map[string][]byte) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed to compile the fixed files: %v", err)
		return
	}
	args := []string{"-m", "py_compile"}
	for p, out := range files {
		dst := filepath.Join(tempDir, filepath.Base(p))
		if err := os.WriteFile(dst, out, 0o644); err != nil {
			t.Fatalf("%v", err)
			return
		}
		args = append(args, dst)
	}
	// One python3 for all files; py_compile names each file that fails.
	if b, err := exec.Command(py, args...).CombinedOutput(); err != nil {
		t.Errorf("fixed files do not compile: %v\n%s", err, b)
	}
}

// AnalyzeAlone analyses src as the only file of a project: the file pass,
// then the project phases of cfg's analyzers over its facts (module name
// from its path, as modules.New gives it). Its result is what the fix
// engine's Analyze returns.
func AnalyzeAlone(path string, src []byte, cfg pyanalysis.Config) (fix.Analysis, error) {
	mods := modules.New([]string{path})
	if cfg.Module == "" {
		cfg.Module = mods.Module(path)
	}
	res, facts := pyanalysis.Analyze(path, src, cfg)
	if facts != nil {
		diags, err := pyanalysis.RunProject([]*pyanalysis.FileFacts{facts}, projectConfig(cfg, mods))
		res.Diagnostics = append(res.Diagnostics, diags...)
		res.Err = errors.Join(res.Err, err)
	}
	return fix.FromResult(res), res.Err
}
