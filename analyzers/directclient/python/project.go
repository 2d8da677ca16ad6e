package python

import (
	"fmt"
	"path"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// project classifies every site with the call graph of all files and
// reports it.
func project(pp *pyanalysis.ProjectPass) error {
	g := newGraph(pp)
	request := g.reach(false)
	startup := g.reach(true)
	for i, f := range g.files {
		for _, s := range f.fact.Sites {
			d := lint.Diagnostic{Path: f.ff.Path, Range: s.Range}
			d.Kind, d.Message = g.classify(i, s, request, startup)
			d.Message += advice(s)
			pp.Report(d)
		}
	}
	return nil
}

type fileInfo struct {
	ff    *pyanalysis.FileFacts
	fact  *fileFact
	dir   string
	funcs map[string]*funcFact
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

// candidate is a file that may be the module a dotted name names.
type candidate struct {
	file int
	root string // the directory the module name is relative to
}

type graph struct {
	modules  *modules.Index
	files    []*fileInfo
	byPath   map[string]int
	bySuffix map[string][]candidate
}

func newGraph(pp *pyanalysis.ProjectPass) *graph {
	g := &graph{modules: pp.Modules, byPath: map[string]int{}, bySuffix: map[string][]candidate{}}
	for _, ff := range pp.Files {
		for _, v := range pp.Facts(ff) {
			fact, ok := v.(*fileFact)
			if !ok {
				continue
			}
			i := len(g.files)
			fi := &fileInfo{ff: ff, fact: fact, dir: path.Dir(ff.Path), funcs: map[string]*funcFact{}}
			for j := range fact.Funcs {
				fi.funcs[fact.Funcs[j].Key] = &fact.Funcs[j]
			}
			g.files = append(g.files, fi)
			g.byPath[ff.Path] = i
			g.index(i)
		}
	}
	return g
}

// index registers every dotted name a file may be imported as: the tails of
// its path that are identifiers ("validators", "app.api.deps", ...) and its
// module name when the caller knew it.
func (g *graph) index(i int) {
	f := g.files[i].ff
	p := strings.TrimSuffix(strings.TrimSuffix(f.Path, ".pyi"), ".py")
	p = strings.TrimSuffix(p, "/__init__")
	segs := strings.Split(p, "/")
	for k := len(segs) - 1; k >= 0; k-- {
		if !isIdent(segs[k]) {
			break
		}
		root := strings.Join(segs[:k], "/")
		switch {
		case k == 0:
			root = "."
		case root == "":
			root = "/"
		}
		name := strings.Join(segs[k:], ".")
		g.bySuffix[name] = append(g.bySuffix[name], candidate{file: i, root: root})
	}
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

// within reports whether dir is root or below it.
func within(dir, root string) bool {
	switch root {
	case ".":
		return !strings.HasPrefix(dir, "/") && dir != ".." && !strings.HasPrefix(dir, "../")
	case "/":
		return strings.HasPrefix(dir, "/")
	}
	return dir == root || strings.HasPrefix(dir, root+"/")
}

// maxExportHops bounds how many package re-exports a reference follows.
const maxExportHops = 4

// resolve returns the functions a reference made in file from may name
// (a class name also names its __init__).
func (g *graph) resolve(from int, ref string, hops int) []node {
	if k, ok := strings.CutPrefix(ref, localRef); ok {
		return []node{{from, k}, {from, k + ".__init__"}}
	}
	q, ok := strings.CutPrefix(ref, importRef)
	if !ok || hops > maxExportHops {
		return nil
	}
	if strings.HasPrefix(q, ".") {
		return g.resolveRelative(from, q, hops)
	}
	if g.modules != nil {
		file, attr, ok := g.modules.Split(g.files[from].ff.Path, q)
		if t, indexed := g.byPath[file]; ok && indexed && attr != "" {
			return g.target(t, attr, hops)
		}
		return nil
	}
	// Without a module index: the longest module name first ("a.b.c" is
	// module a.b's c, or module a's b.c, a class's method), looked up by
	// path tails.
	for i := len(q); i > 0; i = strings.LastIndexByte(q[:i], '.') {
		mod, attr := q[:i], ""
		if i < len(q) {
			attr = q[i+1:]
		}
		if attr == "" {
			continue
		}
		if t, ok := g.pick(from, mod); ok {
			return g.target(t, attr, hops)
		}
	}
	return nil
}

// pick chooses the file a module name means for a file: one whose import
// root is the file's directory or above it, the deepest such root (so a
// service's own `validators.py` wins over another service's).
func (g *graph) pick(from int, mod string) (int, bool) {
	best, bestLen := -1, -1
	dir := g.files[from].dir
	for _, c := range g.bySuffix[mod] {
		if within(dir, c.root) && len(c.root) > bestLen {
			best, bestLen = c.file, len(c.root)
		}
	}
	return best, best >= 0
}

// resolveRelative resolves ".m.f" / "..pkg.f" / ".f" against the directory
// of file from.
func (g *graph) resolveRelative(from int, q string, hops int) []node {
	dots := len(q) - len(strings.TrimLeft(q, "."))
	rest := q[dots:]
	base := g.files[from].dir
	for range dots - 1 {
		base = path.Dir(base)
	}
	// rest is "m.f" (module m's f), "f" (the package's f) or "m.C.f".
	parts := strings.Split(rest, ".")
	for k := len(parts) - 1; k >= 0; k-- {
		mod := path.Join(append([]string{base}, parts[:k]...)...)
		attr := strings.Join(parts[k:], ".")
		for _, p := range []string{mod + ".py", mod + "/__init__.py"} {
			if k == 0 && p == mod+".py" {
				continue
			}
			if t, ok := g.byPath[p]; ok {
				return g.target(t, attr, hops)
			}
		}
	}
	return nil
}

// target is attr in file t, following t's re-exports.
func (g *graph) target(t int, attr string, hops int) []node {
	first, rest, _ := strings.Cut(attr, ".")
	if q, ok := g.files[t].fact.Exports[first]; ok {
		if rest != "" {
			q += "." + rest
		}
		return g.resolve(t, importRef+q, hops+1)
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
		fn := g.files[n.file].funcs[n.key]
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
	case s.Getter != "":
		return "; use `" + s.Module + "." + s.Getter + "()`"
	case s.Module != "":
		return "; no pooled getter for it yet: add one to `" + s.Module + "`"
	}
	return "; build it once and share it"
}
