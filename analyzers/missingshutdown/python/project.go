package python

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/xynergy/xylint/analyzers/missingshutdown"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// fileFact is one file's apps, as groups of keys (see filePass.key).
type fileFact struct {
	Groups []group
	// Open is what the module leaves open: pooled getters it calls and
	// clients it builds.
	Open []string
	// HandlesParam are the parameters of the module's functions that give
	// the app they receive shutdown handling.
	HandlesParam []param
	// Lifespan: the file creates an app with lifespan=; Events: it
	// registers startup or shutdown handlers the older ways. Together they
	// tell the fix whether the code base uses lifespans.
	Lifespan, Events bool
}

// PyFact marks fileFact as the rule's fact (pyanalysis.Fact).
func (*fileFact) PyFact() {}

// group is one object of the file under all its names.
type group struct {
	Created []creation
	Handled bool
	Mounted bool
	Startup bool // a startup hook (the message says so)
	// Names are the group's names another module can reach: module-level
	// names, and module-level functions whose call returns the app
	// (Local references, Call for those).
	Names []project.Ref
	// Refs are the group's references to other modules' objects (Imported
	// references: a name, or what calling it returns).
	Refs []project.Ref
	// Passed are the function parameters the app is passed to, of the
	// file's functions (Local) or other modules' (Imported).
	Passed []param
}

// param is a function's parameter: the function, and the parameter's
// position.
type param struct {
	Fn project.Ref
	I  int
}

// creation is one FastAPI()/Starlette() call.
type creation struct {
	Kind string
	At   lint.Range
	// Fix adds a shutdown event handler, LifespanFix a lifespan (fix.go);
	// nil when there is none.
	Fix, LifespanFix *lint.Fix
}

// fact builds the file's fact: the groups that create an app or reach
// another module (the only ones the project phase can use).
func (fp *filePass) fact() *fileFact {
	fp.fillFixes()
	byRoot := map[key]*group{}
	var roots []key
	for k := range fp.uf.parent {
		r := fp.uf.find(k)
		g := byRoot[r]
		if g == nil {
			g = &group{}
			byRoot[r] = g
			roots = append(roots, r)
		}
		g.Created = append(g.Created, fp.created[k]...)
		g.Handled = g.Handled || fp.handled[k]
		g.Mounted = g.Mounted || fp.mounted[k]
		g.Startup = g.Startup || fp.startup[k]
		g.Passed = append(g.Passed, fp.passed[k]...)
		switch k.ref.Kind {
		case project.Local:
			g.Names = append(g.Names, k.ref)
		case project.Imported:
			g.Refs = append(g.Refs, k.ref)
		}
	}
	sort.Slice(roots, func(i, j int) bool { return roots[i].String() < roots[j].String() })
	f := &fileFact{Open: fp.open, HandlesParam: fp.handlesParam}
	f.Lifespan, f.Events = fp.lifespanUse()
	for _, r := range roots {
		g := byRoot[r]
		if len(g.Created) == 0 && len(g.Refs) == 0 {
			continue
		}
		sort.Slice(g.Created, func(i, j int) bool { return g.Created[i].At.Start.Offset < g.Created[j].At.Start.Offset })
		sortRefs(g.Names)
		sortRefs(g.Refs)
		g.Handled = g.Handled || fp.passedToHandler(g.Passed)
		f.Groups = append(f.Groups, *g)
	}
	if len(f.Groups) == 0 && len(f.HandlesParam) == 0 {
		return nil
	}
	return f
}

func sortRefs(rs []project.Ref) {
	sort.Slice(rs, func(i, j int) bool { return rs[i].String() < rs[j].String() })
}

// passedToHandler reports whether one of passed is a parameter of this
// file's functions that gives shutdown handling.
func (fp *filePass) passedToHandler(passed []param) bool {
	for _, p := range passed {
		if p.Fn.Kind == project.Local && slices.Contains(fp.handlesParam, p) {
			return true
		}
	}
	return false
}

// node is a group of one file, in the project phase.
type node struct {
	file string
	ff   *fileFact
	g    int
}

func projectPhase(pass *pyanalysis.ProjectPass, _ func(path string) *missingshutdown.Config) error {
	var nodes []node
	groups := project.NewDefs[int](pass.Modules)     // a group's names → the group's node
	handlers := project.NewDefs[[]int](pass.Modules) // a function → its parameters that handle
	lifespans, events := false, false
	for _, f := range pass.Files {
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			lifespans, events = lifespans || ff.Lifespan, events || ff.Events
			params := map[string][]int{}
			for _, h := range ff.HandlesParam {
				params[h.Fn.Name] = append(params[h.Fn.Name], h.I)
			}
			for fn, is := range params {
				handlers.Add(f.Path, fn, false, is)
			}
			for gi, g := range ff.Groups {
				id := len(nodes)
				nodes = append(nodes, node{file: f.Path, ff: ff, g: gi})
				for _, n := range g.Names {
					groups.Add(f.Path, n.Name, n.Call, id)
				}
			}
		}
	}
	// Link groups across files through their references.
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, n := range nodes {
		for _, ref := range n.ff.Groups[n.g].Refs {
			if j, _, ok := groups.Lookup(n.file, ref); ok {
				parent[find(i)] = find(j)
			}
		}
	}
	type app struct {
		handled, mounted, startup bool
		first                     *creation
		file                      string
		open                      []string
		files                     map[string]bool
	}
	merged := map[int]*app{}
	var order []int
	for i, n := range nodes {
		r := find(i)
		a := merged[r]
		if a == nil {
			a = &app{files: map[string]bool{}}
			merged[r] = a
			order = append(order, r)
		}
		g := &n.ff.Groups[n.g]
		a.handled = a.handled || g.Handled
		for _, p := range g.Passed {
			if p.Fn.Kind != project.Imported {
				continue
			}
			if is, _, found := handlers.Lookup(n.file, p.Fn); found && slices.Contains(is, p.I) {
				a.handled = true
			}
		}
		a.mounted = a.mounted || g.Mounted
		a.startup = a.startup || g.Startup
		for ci := range g.Created {
			c := &g.Created[ci]
			if a.first == nil || n.file < a.file || n.file == a.file && c.At.Start.Offset < a.first.At.Start.Offset {
				a.first, a.file = c, n.file
			}
		}
		if !a.files[n.file] {
			a.files[n.file] = true
			for _, o := range n.ff.Open {
				if !contains(a.open, o) {
					a.open = append(a.open, o)
				}
			}
		}
	}
	for _, r := range order {
		a := merged[r]
		if a.first == nil || a.handled || a.mounted {
			continue
		}
		d := lint.Diagnostic{Rule: pass.Analyzer.Rule, Severity: lint.Warning, Path: a.file, Range: a.first.At, Message: message(a.first.Kind, a.startup, a.open)}
		if len(a.open) == 0 {
			// Nothing to close yet: the handler is what the next client
			// or task will need, not a leak today.
			d.Severity = lint.Note
		}
		// The code base uses lifespans when some app is created with one
		// and no code registers event handlers; a lifespan would replace
		// the app's startup hooks, so those keep the event handler.
		d.Fix = a.first.Fix
		if lifespans && !events && !a.startup && a.first.LifespanFix != nil {
			d.Fix = a.first.LifespanFix
		}
		pass.Report(d)
	}
	return nil
}

func message(kind string, startup bool, open []string) string {
	what := "without shutdown handling"
	if startup {
		what = "with a startup hook but no shutdown handling"
	}
	msg := fmt.Sprintf("%s app %s (lifespan=, on_shutdown=[...] or a \"shutdown\" event handler)", kind, what)
	if len(open) > 0 {
		msg += ": nothing closes " + strings.Join(open, ", ")
	} else {
		msg += ": nothing to close yet (no client, pool or background task in its modules), so a note"
	}
	return msg
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
