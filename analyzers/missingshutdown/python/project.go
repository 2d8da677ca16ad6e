package python

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xynergy/xylint/analyzers/missingshutdown"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// fileFact is one file's apps, as groups of keys (see filePass.key).
type fileFact struct {
	Groups []group
	// Open is what the module leaves open: pooled getters it calls and
	// clients it builds.
	Open []string
	// HandlesParam are the module-level functions that give the app they
	// receive shutdown handling, as "f#0" (function and parameter index).
	HandlesParam []string
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
	// Names are the group's keys that another module can reach: ":name"
	// and "ret:f".
	Names []string
	// Refs are the group's references to other modules ("ref:q",
	// "ref:q()").
	Refs []string
	// Passed are the function parameters the app is passed to (":f#0" in
	// the file, "ref:q#0" in another module).
	Passed []string
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
	byRoot := map[string]*group{}
	var roots []string
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
		switch {
		case strings.HasPrefix(k, ":") || strings.HasPrefix(k, "ret:"):
			g.Names = append(g.Names, k)
		case strings.HasPrefix(k, "ref:"):
			g.Refs = append(g.Refs, k)
		}
	}
	sort.Strings(roots)
	f := &fileFact{Open: fp.open, HandlesParam: fp.handlesParam}
	f.Lifespan, f.Events = fp.lifespanUse()
	for _, r := range roots {
		g := byRoot[r]
		if len(g.Created) == 0 && len(g.Refs) == 0 {
			continue
		}
		sort.Slice(g.Created, func(i, j int) bool { return g.Created[i].At.Start.Offset < g.Created[j].At.Start.Offset })
		sort.Strings(g.Names)
		sort.Strings(g.Refs)
		g.Handled = g.Handled || fp.passedToHandler(g.Passed)
		f.Groups = append(f.Groups, *g)
	}
	if len(f.Groups) == 0 && len(f.HandlesParam) == 0 {
		return nil
	}
	return f
}

// passedToHandler reports whether one of passed is a parameter of this
// file's functions that gives shutdown handling.
func (fp *filePass) passedToHandler(passed []string) bool {
	for _, p := range passed {
		if local, ok := strings.CutPrefix(p, ":"); ok && contains(fp.handlesParam, local) {
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

func project(pass *pyanalysis.ProjectPass, _ func(path string) *missingshutdown.Config) error {
	var nodes []node
	byName := modules.NewDefs[int](pass.Modules)
	byCall := modules.NewDefs[int](pass.Modules)
	handlers := modules.NewDefs[bool](pass.Modules)
	lifespans, events := false, false
	for _, f := range pass.Files {
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			lifespans, events = lifespans || ff.Lifespan, events || ff.Events
			for _, h := range ff.HandlesParam {
				handlers.Add(f.Path, h, true)
			}
			for gi, g := range ff.Groups {
				id := len(nodes)
				nodes = append(nodes, node{file: f.Path, ff: ff, g: gi})
				for _, n := range g.Names {
					if name, ok := strings.CutPrefix(n, "ret:"); ok {
						byCall.Add(f.Path, name, id)
					} else {
						byName.Add(f.Path, strings.TrimPrefix(n, ":"), id)
					}
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
			q := strings.TrimPrefix(ref, "ref:")
			idx := byName
			if strings.HasSuffix(q, "()") {
				q, idx = strings.TrimSuffix(q, "()"), byCall
			}
			if j, _, ok := idx.Lookup(n.file, q); ok {
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
			if q, ok := strings.CutPrefix(p, "ref:"); ok {
				if _, _, found := handlers.Lookup(n.file, q); found {
					a.handled = true
				}
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
		d := lint.Diagnostic{Path: a.file, Range: a.first.At, Message: message(a.first.Kind, a.startup, a.open)}
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
