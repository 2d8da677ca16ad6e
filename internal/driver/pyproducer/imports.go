package pyproducer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
)

// Importable implements driver.ImportChecker with the run's
// modules.Environment and the file's importable-modules.
func (p *Producer) Importable(in driver.Input, module string) error {
	var declared []string
	if in.Config != nil && in.Config.Settings != nil {
		declared = in.Config.Settings.ImportableModules
	}
	if p.env == nil {
		p.env = modules.NewEnvironment(p.mods)
	}
	return p.env.Importable(in.Path, module, declared)
}

// collectImports records in the run's environment the modules its files
// import when they run.
func (p *Producer) collectImports(results []*lint.FileResult) {
	p.env = modules.NewEnvironment(p.mods)
	for _, r := range results {
		if r != nil && r.Runtime != nil {
			p.env.Imported(r.Runtime.Imports)
		}
	}
}

// withholdFixes removes the fixes that cannot be applied where the code
// runs, and says why in the finding: every fix in a stub (.pyi: a stub
// holds no code that runs, and fixes add some), and a fix that adds an
// import the code cannot resolve (Importable). The fix engine verifies the
// imports of every result again (fix.Options.Importable); this is what
// lets `xylint check` say it, and spares the engine the rounds.
func (p *Producer) withholdFixes(r *lint.FileResult, in driver.Input) {
	stub := strings.HasSuffix(r.Path, ".pyi")
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if d.Fix == nil {
			continue
		}
		if stub {
			d.Fix = nil
			continue
		}
		for _, m := range addedImports(d.Fix) {
			if r.Runtime != nil {
				if _, imported := slices.BinarySearch(r.Runtime.Imports, m); imported {
					continue
				}
			}
			if err := p.Importable(in, m); err != nil {
				d.Fix = nil
				d.Message += " (no fix: " + err.Error() + ")"
				break
			}
		}
	}
}

var importLine = regexp.MustCompile(`(?m)^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w.]*(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*(?:[ \t]+as[ \t]+\w+)?)*))`)

// addedImports are the modules of the import statements a fix's edits
// insert (`from m import x`, `import m`), read from the inserted text: a
// name merged into an existing `from m import ...` names no new module.
func addedImports(f *lint.Fix) []string {
	var out []string
	for _, e := range f.Edits {
		if !strings.Contains(e.New, "import") {
			continue
		}
		for _, m := range importLine.FindAllStringSubmatch(e.New, -1) {
			if m[1] != "" {
				out = append(out, m[1])
				continue
			}
			for _, part := range strings.Split(m[2], ",") {
				mod, _, _ := strings.Cut(strings.TrimSpace(part), " ")
				out = append(out, mod)
			}
		}
	}
	return out
}
