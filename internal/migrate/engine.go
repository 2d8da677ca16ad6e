package migrate

// This file is the only place where xylint migrate touches xylint's engine
// (the driver and the fix engine, with the rules and producers of the
// toolset the command hands it in Options.Toolset): the rest of the package
// works with the types below. When the engine's packages move, this file
// moves with them.

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/fix/fixrun"
)

// Site is one finding of the campaign's rules.
type Site struct {
	Path    string `json:"path"` // slash-separated, relative to the repository root
	Line    int    `json:"line,omitempty"`
	Rule    string `json:"rule"`           // "XY003 [direct-client]"
	Kind    string `json:"kind,omitempty"` // within the rule ("per-request", "module-level", ...)
	Message string `json:"message"`
	// Reason is "fixed", or why the finding is left: "no fix", "unsafe",
	// "conflict", "failed", "syntax errors".
	Reason string `json:"reason"`
}

// Fixed reports whether the change fixes the site.
func (s Site) Fixed() bool { return s.Reason == string(fix.Fixed) }

// Change is one file the fixes rewrite.
type Change struct {
	Path     string
	Old, New []byte
}

// Analysis is what the engine made of a tree.
type Analysis struct {
	Changes []Change // sorted by path
	Sites   []Site   // sorted by path and line
	Errors  []string // files that could not be analysed or fixed
	Notices []string
	Checked int // files analysed
}

// analyse runs `xylint fix --diff --select rules` over the tree at root, in
// memory: the tree's own configuration applies (its excludes, per-file
// ignores, rule options), every file is analysed with the whole tree as
// context, and nothing is written.
func analyse(ctx context.Context, ts driver.Toolset, root string, rules []string, unsafe bool, jobs int) (*Analysis, error) {
	res, err := driver.Run(ctx, driver.Options{
		Paths:       []string{root},
		Registry:    ts.Registry,
		Overrides:   config.Overrides{Select: rules, Cwd: root},
		Producers:   ts.Producers(),
		Jobs:        jobs,
		ProjectRoot: root, // the tree is the project, wherever it was unpacked
	})
	if err != nil {
		return nil, err
	}
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(p)
	}
	// Positions and kinds of the findings as checked, for the fixed ones.
	type key struct{ path, code, msg string }
	type seen struct {
		line int
		kind string
	}
	found := map[key][]seen{}
	for _, d := range res.Diagnostics {
		k := key{rel(d.Path), d.Rule.Code, d.Message}
		found[k] = append(found[k], seen{d.Range.Start.Line, d.Kind})
	}
	sum := fixrun.Run(ctx, res, fixrun.Options{
		Unsafe:    unsafe,
		Jobs:      jobs,
		Languages: ts.Fix,
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &Analysis{Checked: len(res.Files)}
	for _, p := range res.Errors {
		a.Errors = append(a.Errors, strings.ReplaceAll(p.String(), root+string(filepath.Separator), ""))
	}
	for _, p := range res.Notices {
		a.Notices = append(a.Notices, strings.ReplaceAll(p.String(), root+string(filepath.Separator), ""))
	}
	for _, f := range sum.Files {
		path := rel(f.Path)
		if f.Err != nil {
			a.Errors = append(a.Errors, path+": "+strings.ReplaceAll(f.Err.Error(), root+string(filepath.Separator), ""))
		}
		if f.Report != nil {
			for _, x := range f.Report.Failed {
				a.Errors = append(a.Errors, path+": the fix of "+x.Rule.ID()+" failed its verification: "+x.Err)
			}
			for _, ap := range f.Report.Applied {
				k := key{path, ap.Rule.Code, ap.Diagnostic}
				var at seen
				if ls := found[k]; len(ls) > 0 {
					at, found[k] = ls[0], ls[1:]
				}
				a.Sites = append(a.Sites, Site{Path: path, Line: at.line, Rule: ap.Rule.ID(), Kind: at.kind, Message: ap.Diagnostic, Reason: string(fix.Fixed)})
			}
		}
		if f.Changed() {
			a.Changes = append(a.Changes, Change{Path: path, Old: f.Old, New: f.New})
		}
	}
	for _, l := range sum.Left {
		d := l.Diagnostic
		a.Sites = append(a.Sites, Site{Path: rel(d.Path), Line: d.Range.Start.Line, Rule: d.Rule.ID(), Kind: d.Kind, Message: d.Message, Reason: string(l.Reason)})
	}
	sortSites(a.Sites)
	return a, nil
}

// Diff is a unified diff of one file, as `xylint fix --diff` prints it.
func Diff(path string, old, new []byte) string { return fix.Diff(path, old, new) }

// fixInPlace is `xylint fix --select rules` over root, writing the files:
// the reference the tests compare the bot's commits with.
func fixInPlace(ctx context.Context, ts driver.Toolset, root string, rules []string, unsafe bool) error {
	res, err := driver.Run(ctx, driver.Options{
		Paths:       []string{root},
		Registry:    ts.Registry,
		Overrides:   config.Overrides{Select: rules, Cwd: root},
		Producers:   ts.Producers(),
		ProjectRoot: root,
	})
	if err != nil {
		return err
	}
	fixrun.Run(ctx, res, fixrun.Options{Unsafe: unsafe, Write: true, Languages: ts.Fix})
	return ctx.Err()
}
