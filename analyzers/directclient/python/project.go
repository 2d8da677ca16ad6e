package python

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// project classifies every site with the call graph of all files and
// reports it.
func projectPhase(pp *pyanalysis.ProjectPass, _ func(path string) *directclient.Config) error {
	g := newGraph(pp)
	if !slices.ContainsFunc(g.files, func(f *fileInfo) bool { return len(f.fact.Sites) > 0 && pp.Wants(f.ff.Path) }) {
		return nil // nothing to classify (a fix round of a file whose sites are fixed)
	}
	request := g.reach(false)
	startup := g.reach(true)
	for i, f := range g.files {
		if !pp.Wants(f.ff.Path) {
			continue
		}
		for _, s := range f.fact.Sites {
			d := lint.Diagnostic{Path: f.ff.Path, Range: s.Range}
			d.Kind, d.Message = g.classify(i, s, request, startup)
			d.Message += advice(s)
			d.Fix = s.Fix
			pp.Report(d)
		}
	}
	return nil
}

type fileInfo struct {
	ff   *pyanalysis.FileFacts
	fact *fileFact
}

// fn returns the file's function with key, or nil. Funcs are sorted by key
// (the file pass exports them so): a search instead of a map per file,
// which the project phase would build for every file on every run — once
// per fix round of a file with sites.
func (f *fileInfo) fn(key string) *funcFact {
	if i, ok := slices.BinarySearchFunc(f.fact.Funcs, key, func(fn funcFact, k string) int { return strings.Compare(fn.Key, k) }); ok {
		return &f.fact.Funcs[i]
	}
	return nil
}

// node is one function of the project.
type node struct {
	file int
	key  string
}

// how says how a function is reached from an entry point.
type how struct {
	desc string   // the entry: "route handler `x` (GET /x)"
	cls  string   // the class, when the entry is a Depends class's __init__
	path []string // keys from the entry to the function, both excluded
}

type graph struct {
	modules *modules.Index
	files   []*fileInfo
	byPath  map[string]int
}

func newGraph(pp *pyanalysis.ProjectPass) *graph {
	g := &graph{modules: pp.Modules, byPath: make(map[string]int, len(pp.Files))}
	for _, ff := range pp.Files {
		for _, fact := range pyanalysis.FactsOf[*fileFact](pp, ff) {
			g.byPath[ff.Path] = len(g.files)
			g.files = append(g.files, &fileInfo{ff: ff, fact: fact})
		}
	}
	return g
}

// maxExportHops bounds how many package re-exports a reference follows.
const maxExportHops = 4

// resolve returns the functions a reference made in file from may name
// (a class name also names its __init__). Imports are resolved as the
// file's sys.path would (internal/python/modules); a relative name, which
// only a file without a module name has, names nothing Python could import.
func (g *graph) resolve(from int, ref project.Ref, hops int) []node {
	if ref.Kind == project.Local {
		return []node{{from, ref.Name}, {from, ref.Name + ".__init__"}}
	}
	if ref.Kind != project.Imported || hops > maxExportHops {
		return nil
	}
	file, attr, ok := g.modules.Split(g.files[from].ff.Path, ref.Name)
	if t, indexed := g.byPath[file]; ok && indexed && attr != "" {
		return g.target(t, attr, hops)
	}
	return nil
}

// target is attr in file t, following t's re-exports.
func (g *graph) target(t int, attr string, hops int) []node {
	first, rest, _ := strings.Cut(attr, ".")
	if q, ok := g.files[t].fact.Exports[first]; ok {
		if rest != "" {
			q = q.Attr(rest)
		}
		return g.resolve(t, q, hops+1)
	}
	return []node{{t, attr}, {t, attr + ".__init__"}}
}

// reach walks the call graph from the per-request entries (or, with
// startup, the startup code) and says how each function is reached.
func (g *graph) reach(startup bool) map[node]how {
	reached := map[node]how{}
	var queue []node
	seed := func(n node, h how) {
		if _, ok := reached[n]; !ok {
			reached[n] = h
			queue = append(queue, n)
		}
	}
	for i, f := range g.files {
		for _, fn := range f.fact.Funcs {
			desc := fn.Entry
			if startup {
				desc = fn.Startup
			}
			if desc != "" {
				seed(node{i, fn.Key}, how{desc: desc})
			}
		}
		for _, e := range f.fact.Entries {
			if e.Startup != startup {
				continue
			}
			for _, n := range g.resolve(i, e.Ref, 0) {
				name := n.key
				h := how{desc: e.Desc + " `" + name + "`"}
				if c, ok := strings.CutSuffix(n.key, ".__init__"); ok && e.Desc == "dependency" {
					h = how{desc: "`" + c + "`, built per request through `Depends`", cls: c}
				}
				seed(n, h)
			}
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		fn := g.files[n.file].fn(n.key)
		if fn == nil {
			continue
		}
		h := reached[n]
		for _, ref := range fn.Calls {
			for _, t := range g.resolve(n.file, ref, 0) {
				if _, ok := reached[t]; ok {
					continue
				}
				p := append(append([]string(nil), h.path...), n.key)
				reached[t] = how{desc: h.desc, cls: h.cls, path: p}
				queue = append(queue, t)
			}
		}
	}
	return reached
}

// classify gives a site its kind and the message's first part.
func (g *graph) classify(file int, s siteFact, request, startup map[node]how) (kind, msg string) {
	ctor := "`" + s.Display + "()`"
	switch s.Kind {
	case directclient.KindModuleLevel:
		return s.Kind, "direct " + ctor + " at module level"
	case directclient.KindCached:
		return s.Kind, fmt.Sprintf("hand-made cached %s singleton (%s in `%s`)", ctor, s.How, s.Chain[0])
	}
	for _, k := range s.Chain {
		h, ok := request[node{file, k}]
		if !ok {
			continue
		}
		msg := "direct " + ctor + " per request"
		switch {
		case len(h.path) == 0 && h.cls != "":
			msg += ": `" + h.cls + "` is built per request through `Depends`"
		case len(h.path) == 0:
			msg += " in " + h.desc
		default:
			msg += ": `" + k + "` is called by " + h.desc
			if via := h.path[1:]; len(via) == 1 {
				msg += " through `" + via[0] + "`"
			} else if len(via) > 1 {
				msg += fmt.Sprintf(" through `%s` and %d more", via[0], len(via)-1)
			}
		}
		return directclient.KindPerRequest, msg
	}
	for _, k := range s.Chain {
		if h, ok := startup[node{file, k}]; ok {
			if len(h.path) == 0 {
				return directclient.KindModuleLevel, "direct " + ctor + " at startup in " + h.desc
			}
			return directclient.KindModuleLevel, "direct " + ctor + " at startup: `" + k + "` is called by " + h.desc
		}
	}
	if c, ok := strings.CutSuffix(s.Chain[0], ".__init__"); ok {
		return directclient.KindPerCall, "direct " + ctor + " per instance of `" + c + "`"
	}
	return directclient.KindPerCall, "direct " + ctor + " per call of `" + s.Chain[0] + "`"
}

// advice is the message's last part: the getter to use.
func advice(s siteFact) string {
	switch {
	case s.Getter != "" && s.NoFix != "":
		return "; use `" + s.Module + "." + s.Getter + "()` (no fix: " + s.NoFix + ")"
	case s.Getter != "":
		return "; use `" + s.Module + "." + s.Getter + "()`"
	case s.Module != "":
		return "; no pooled getter for it yet: add one to `" + s.Module + "`"
	}
	return "; build it once and share it"
}
