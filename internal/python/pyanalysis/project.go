package pyanalysis

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/xynergy/xylint/internal/deploy"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
)

// ProjectPass is what an analyzer's Project function gets: every file's
// facts for that analyzer, after all file passes.
type ProjectPass struct {
	Analyzer *Analyzer
	// Files are the files whose pass exported facts for this analyzer, in
	// the order given to RunProject; Facts(f) gives them.
	Files []*FileFacts
	// Modules resolves imports across the run's files (which file a
	// qualified name used in a file refers to); see internal/python/modules.
	// It is the index the files' Config.Module came from. Nil only when the
	// caller gave none: every name is then external.
	Modules *modules.Index

	options    func(path string) any // the rule's compiled options for a file
	role       func(path string) string
	deployment func(path string) *deploy.Service
	only       string
	diags      *[]lint.Diagnostic
}

// Wants reports whether the caller wants the findings in the file at path:
// always, unless it asked for one file's (ProjectConfig.Only, a fix round
// re-analysing that file). Findings in files not wanted are dropped; an
// analyzer may skip the work of computing them.
func (p *ProjectPass) Wants(path string) bool { return p.only == "" || path == p.only }

// Role is the role configuration gives the file at path (`[tool.xylint]
// roles`, by glob: "service", "cli", "script", "test", "example",
// "library"), or "" when it gives none: internal/python/roles decides.
func (p *ProjectPass) Role(path string) string {
	if p.role == nil {
		return ""
	}
	return p.role(path)
}

// Deployment is the deployment of the service of the file at path
// (internal/deploy), or nil when it is not known (the file is not on
// disk), as Pass.Deployment.
func (p *ProjectPass) Deployment(path string) *deploy.Service {
	if p.deployment == nil {
		return nil
	}
	return p.deployment(path)
}

// Facts returns the facts the analyzer exported for f.
func (p *ProjectPass) Facts(f *FileFacts) []Fact { return f.Facts[p.Analyzer] }

// FactsOf returns the facts of type T the pass's analyzer exported for f.
func FactsOf[T Fact](p *ProjectPass, f *FileFacts) []T {
	var out []T
	for _, v := range f.Facts[p.Analyzer] {
		if t, ok := v.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// Report reports a diagnostic in any file; Rule, Language and Severity
// default to the analyzer's.
func (p *ProjectPass) Report(d lint.Diagnostic) {
	if !p.Wants(d.Path) {
		return
	}
	if d.Rule == nil {
		d.Rule = p.Analyzer.Rule
		d.Severity = p.Analyzer.Rule.Severity
	}
	if d.Language == "" {
		d.Language = lint.Python
	}
	*p.diags = append(*p.diags, d)
}

// Reportf reports a diagnostic at r in the file at path.
func (p *ProjectPass) Reportf(path string, r lint.Range, format string, args ...any) {
	p.Report(lint.Diagnostic{Path: path, Range: r, Message: fmt.Sprintf(format, args...)})
}

// ProjectConfig configures RunProject.
type ProjectConfig struct {
	Analyzers []*Analyzer
	// Options gives a rule's compiled options for a file (as
	// Config.Options); a nil func or result means the defaults.
	Options func(path string, r *lint.Rule) any
	// Modules is the module layout of the run's files (ProjectPass.Modules),
	// the one each file's Config.Module was taken from. Callers give it:
	// cross-file rules find nothing across files without it.
	Modules *modules.Index
	// Role gives the role configuration assigns the file at path
	// (ProjectPass.Role); nil: none.
	Role func(path string) string
	// Deployment gives the deployment of the file at path's service
	// (ProjectPass.Deployment, Config.Deployment); nil: none.
	Deployment func(path string) *deploy.Service
	// Only, when set, asks for the findings in the file at this path alone
	// (ProjectPass.Wants); the other files' facts are read as usual.
	Only string
}

// RunProject runs the Project phase of cfg's analyzers over the facts of all
// files (nil entries are ignored). It never panics: a failing analyzer
// becomes an error, and the other analyzers still run. The caller applies
// suppressions to the diagnostics with the files' comments, as for file
// diagnostics.
func RunProject(files []*FileFacts, cfg ProjectConfig) ([]lint.Diagnostic, error) {
	// The analyzers' project phases are independent: each runs on its own
	// goroutine (they were a serial step between the file passes and the
	// suppressions, with one core idle), and their findings are joined in
	// the analyzers' order, then sorted.
	diags := make([][]lint.Diagnostic, len(cfg.Analyzers))
	errs := make([]error, len(cfg.Analyzers))
	var wg sync.WaitGroup
	for i, a := range cfg.Analyzers {
		if a.Project == nil {
			continue
		}
		p := &ProjectPass{Analyzer: a, Modules: cfg.Modules, role: cfg.Role, deployment: cfg.Deployment, only: cfg.Only, diags: &diags[i]}
		for _, f := range files {
			if f != nil && len(f.Facts[a]) > 0 {
				p.Files = append(p.Files, f)
			}
		}
		p.options = func(path string) any {
			if cfg.Options != nil {
				return cfg.Options(path, a.Rule)
			}
			return nil
		}
		wg.Go(func() { errs[i] = runProject(p) })
	}
	wg.Wait()
	all := slices.Concat(diags...)
	sortDiagnostics(all)
	var msgs []string
	for _, err := range errs {
		if err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	if len(msgs) > 0 {
		return all, fmt.Errorf("%s", strings.Join(msgs, "\n"))
	}
	return all, nil
}

func runProject(p *ProjectPass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rule %s panicked in its project phase: %v\n%s", p.Analyzer.Rule.ID(), r, debug.Stack())
		}
	}()
	return p.Analyzer.Project(p)
}
