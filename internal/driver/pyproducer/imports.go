package pyproducer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
)

// Importable implements driver.ImportChecker: the file in may import module
// when it is in Python's standard library, a module or package of the run
// (as the file would find it on its sys.path, see modules.Index.Resolve),
// one that a file of the run imports when it runs (or a package of one:
// the environment provides it), or under one of the configuration's
// importable-modules. Relative modules are accepted: no fix adds one, and
// without the file's module they cannot be judged.
func (p *Producer) Importable(in driver.Input, module string) error {
	if module == "" || strings.HasPrefix(module, ".") || modules.IsStdlib(module) ||
		p.mods.Importable(in.Path, module) || p.importers[module] {
		return nil
	}
	if in.Config != nil && in.Config.Settings != nil {
		for _, m := range in.Config.Settings.ImportableModules {
			if module == m || strings.HasPrefix(module, m+".") {
				return nil
			}
		}
	}
	top, _, _ := strings.Cut(module, ".")
	return fmt.Errorf("it would import %s, which this code may not be able to import: no file of the run is that module or imports it, and importable-modules does not list it (if the environment the code runs in provides it, add %q to importable-modules in [tool.xylint])", module, top)
}

// collectImporters records the modules the files of the run import when
// they run, and the packages above them (importing a.b.c needs a and a.b):
// the environment the code runs in provides them.
func (p *Producer) collectImporters(results []*lint.FileResult) {
	p.importers = map[string]bool{}
	for _, r := range results {
		if r == nil || r.Runtime == nil {
			continue
		}
		for _, m := range r.Runtime.Imports {
			for ; m != "" && !strings.HasPrefix(m, ".") && !p.importers[m]; m = parent(m) {
				p.importers[m] = true
			}
		}
	}
}

func parent(m string) string {
	if i := strings.LastIndexByte(m, '.'); i >= 0 {
		return m[:i]
	}
	return ""
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
