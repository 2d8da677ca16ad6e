package python

import (
	"sort"
	"strings"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// fileFact is what a file's pass exports: the policies whose origins go
// through names imported from other modules, the module-level constants
// that could hold a wildcard, and the upper-case names the module imports
// (which another module may import from it in turn).
type fileFact struct {
	Pending []pending
	Consts  map[string]constant
	Imports map[string]project.Ref // local name → what it imports
	// Settings are the settings the file defines that a fix may read
	// origins from; Reports the findings whose fix depends on them
	// (settings.go).
	Settings settingsFact
	Reports  []pendingReport
	// HeaderAuth says how the file authenticates requests by a header
	// credential (headerauth.go), or "".
	HeaderAuth string
	// WildcardTests are, for a test file that asserts the wildcard
	// Access-Control-Allow-Origin header, the modules it imports (deploy.go).
	WildcardTests []string
}

func (*fileFact) PyFact() {}

func (f *fileFact) empty() bool {
	return len(f.Pending) == 0 && len(f.Consts) == 0 && len(f.Imports) == 0 &&
		len(f.Settings.Objects) == 0 && len(f.Reports) == 0 && f.HeaderAuth == "" && len(f.WildcardTests) == 0
}

// pending is a CORS policy whose origins are names from other modules.
type pending struct {
	Check   check
	Subject string
	Creds   bool
	Refs    []project.Ref // the names imported from other modules
	Vias    []string      // the names as written
	At      lint.Range
}

// constant is a module-level string or sequence of strings.
type constant struct {
	Strs   []string
	Seq    bool
	Env    bool
	EnvVar string
}

// exportConstants exports the module's constants that contain "*" or "+"
// (a wildcard or an everything-regex; others cannot allow every origin) and
// its upper-case imports (re-exports of such constants).
func (fp *filePass) exportConstants() {
	mod := fp.pass.Names.ModuleScope()
	for _, n := range fp.pass.Nodes(syntax.KindAssignment) {
		left := n.ChildByField(syntax.FieldLeft)
		right := n.ChildByField(syntax.FieldRight)
		if !left.Is(syntax.KindIdentifier) || right.IsZero() || fp.pass.Names.ScopeAt(n) != mod {
			continue
		}
		v := fp.ev.eval(right, 0)
		c, ok := toConstant(v)
		if !ok {
			continue
		}
		if fp.fact.Consts == nil {
			fp.fact.Consts = map[string]constant{}
		}
		// The last assignment wins, as at import time.
		fp.fact.Consts[string(left.Text())] = c
	}
	for _, b := range fp.pass.Names.Imports {
		if b.Scope.Kind != names.ModuleScope || !isConstantName(b.Name) {
			continue
		}
		if fp.fact.Imports == nil {
			fp.fact.Imports = map[string]project.Ref{}
		}
		fp.fact.Imports[b.Name] = project.ImportedRef(b.Qualified)
	}
}

func toConstant(v value) (constant, bool) {
	interesting := func(s string) bool { return strings.ContainsAny(s, "*+") }
	switch v.kind {
	case str:
		if interesting(v.s) {
			return constant{Strs: []string{v.s}, Env: v.env, EnvVar: v.envVar}, true
		}
	case seq:
		c := constant{Seq: true}
		hit := false
		for _, e := range v.elems {
			if e.kind != str {
				continue
			}
			c.Strs = append(c.Strs, e.s)
			c.Env = c.Env || e.env
			if e.envVar != "" {
				c.EnvVar = e.envVar
			}
			hit = hit || interesting(e.s)
		}
		if hit {
			return c, true
		}
	}
	return constant{}, false
}

// isConstantName: UPPER_CASE (with digits and underscores).
func isConstantName(s string) bool {
	upper := false
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper = true
		case r == '_' || r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return upper
}

// maxHops bounds how many re-exports a reference follows.
const maxHops = 8

func projectPhase(pass *pyanalysis.ProjectPass, _ func(path string) *wildcardcors.Config) error {
	consts := project.NewDefs[constant](pass.Modules)
	imports := project.NewDefs[project.Ref](pass.Modules)
	origins := project.NewDefs[bool](pass.Modules)
	objects := project.NewDefs[bool](pass.Modules)
	var files []*pyanalysis.FileFacts
	auth := headerAuthByRoot{}
	tests := map[string][]string{}
	for _, f := range pass.Files {
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			auth.add(pass, f.Path, ff.HeaderAuth)
			if ff.WildcardTests != nil {
				tests[f.Path] = ff.WildcardTests
			}
			for name, c := range ff.Consts {
				consts.Add(f.Path, name, false, c)
			}
			for name, q := range ff.Imports {
				imports.Add(f.Path, name, false, q)
			}
			for _, name := range ff.Settings.Origins {
				origins.Add(f.Path, name, false, true)
			}
			for _, name := range ff.Settings.Objects {
				objects.Add(f.Path, name, false, true)
			}
		}
	}
	for _, f := range pass.Files {
		if !pass.Wants(f.Path) {
			continue
		}
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			if len(ff.Pending) > 0 {
				files = append(files, f)
			}
			for _, r := range ff.Reports {
				reportPending(pass, f.Path, auth.quiet(pass, f.Path, r), origins, objects, tests)
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for _, f := range files {
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			for _, p := range ff.Pending {
				checkPending(pass, f.Path, p, consts, imports, auth)
			}
		}
	}
	return nil
}

// checkPending resolves a pending policy's references and reports the
// first that holds a wildcard.
func checkPending(pass *pyanalysis.ProjectPass, path string, p pending, consts *project.Defs[constant], imports *project.Defs[project.Ref], auth headerAuthByRoot) {
	for i, ref := range p.Refs {
		c, defPath, ok := resolveConstant(path, ref, consts, imports)
		if !ok {
			continue
		}
		for _, s := range c.Strs {
			if !p.Check.allows(s, c.Seq) {
				continue
			}
			msg := wildcardMessage(p.Check, p.Subject, s, p.Vias[i], c.EnvVar, c.Env, defPath)
			d := lint.Diagnostic{Path: path, Range: p.At, Message: msg, Severity: lint.Warning}
			if p.Creds {
				d.Severity = lint.Error
				d.Message += credentialsNote
			}
			d.Rule = pass.Analyzer.Rule
			d.Severity, d.Message = auth.level(pass, path, d.Severity, d.Message)
			pass.Report(d)
			return
		}
	}
}

// resolveConstant finds the constant q (imported) stands for, following
// re-exporting imports.
func resolveConstant(from string, q project.Ref, consts *project.Defs[constant], imports *project.Defs[project.Ref]) (constant, string, bool) {
	for hop := 0; hop < maxHops; hop++ {
		if c, def, ok := consts.Lookup(from, q); ok {
			return c, def, true
		}
		next, def, ok := imports.Lookup(from, q)
		if !ok || next == q {
			break
		}
		from, q = def, next
	}
	return constant{}, "", false
}
