package python

import (
	"strings"

	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/textedit"
)

// The fix (unsafe: callers without a key start failing) adds the
// configured auth. The file pass prepares the fixes of every route and
// router it records (facts carry them: the tree is gone by the project
// phase), and the project phase attaches the one that fits the finding:
//
//   - FastAPI: `dependencies=[Depends(verify_api_key)]` (option
//     fix-dependency) on the route's decorator, add_api_route call or
//     call-form decorator — merged into an existing `dependencies=[...]`
//     list — or on the `APIRouter(...)` the route is declared on when every
//     route of that router is reported and they are all in the router's
//     file (one edit shared by all its findings; a router with a public
//     route such as /health, or a websocket route, keeps route-level
//     fixes). Imports: `Depends` from fastapi (merged into an existing
//     `from fastapi import ...`), the dependency from its module.
//   - Flask: `@require_api_key` (option fix-decorator) on the line after the
//     function's route decorators (and after a flask-cors @cross_origin
//     that follows them: a preflight carries no key), so that it wraps the
//     view the routes register (above other decorators such as caches).
//
// No fix: websocket routes (fastapi.security schemes read a Request), a
// `dependencies=` that is not a list literal, argument lists with comments
// where the edit goes, route decorators with other decorators between
// them, a route or router in a position where a new import would not be
// bound yet, and names the file already binds to something else. Where
// the dependency's module cannot be imported (a project without the
// platform's shared/ package), the fix engine withholds the fix, as it does
// every rule's fix that adds such an import.
type fixer struct {
	fp   *filePass
	ed   *pyedit.File
	opts *unauthenticatedroute.Config
}

func (fp *filePass) fixer() *fixer {
	if fp.fx == nil {
		fp.fx = &fixer{fp: fp, ed: pyedit.New(fp.pass.File, fp.pass.Names), opts: fp.opts}
	}
	return fp.fx
}

// ref returns the expression for the qualified name q at n and the
// import edits, with `from module import name` (never `import module`).
func (fx *fixer) ref(q string, n syntax.Node) (string, []lint.Edit, bool) {
	e, imp, ok := fx.ed.Ref(q, n)
	if !ok {
		return "", nil, false
	}
	if imp == nil {
		return e, nil, true
	}
	i := strings.LastIndexByte(q, '.')
	if imp.Name == "" {
		// fastapi.Depends would come as `import fastapi`: import the name.
		name := q[i+1:]
		if fx.ed.NameUsed(name) {
			return "", nil, false
		}
		e, imp = name, &pyedit.Import{Module: q[:i], Name: name}
	}
	if pyedit.RunsAtImportBefore(n, fx.ed.AfterImports()) {
		return "", nil, false
	}
	return e, fx.ed.AddImport(*imp), true
}

// dependency is `Depends(<fix-dependency>)` usable at n and its imports.
func (fx *fixer) dependency(n syntax.Node) (string, []lint.Edit, bool) {
	if fx.opts.FixDependency == "" {
		return "", nil, false
	}
	depends, e1, ok := fx.ref("fastapi.Depends", n)
	if !ok {
		return "", nil, false
	}
	dep, e2, ok := fx.ref(fx.opts.FixDependency, n)
	if !ok {
		return "", nil, false
	}
	return depends + "(" + dep + ")", append(e1, e2...), true
}

// dependencies returns the fix that adds the dependency to call (a route
// decorator, add_api_route, APIRouter(...)): a new `dependencies=[...]`
// keyword, or one more element of the existing list.
func (fx *fixer) dependencies(call syntax.Node, msg string) *lint.Fix {
	args := call.ChildByField(syntax.FieldArguments)
	if !args.Is(syntax.KindArgumentList) {
		return nil
	}
	for a := range args.Children() {
		if a.Is(syntax.KindComment) || a.Is(syntax.KindListSplat) || a.Is(syntax.KindDictionarySplat) {
			return nil
		}
	}
	dep, edits, ok := fx.dependency(call)
	if !ok {
		return nil
	}
	var e lint.Edit
	if v := argument(call, -1, "dependencies"); !v.IsZero() {
		list := v.Unparen()
		if !list.Is(syntax.KindList) {
			return nil
		}
		if e, ok = fx.appendToList(list, dep); !ok {
			return nil
		}
	} else {
		e = fx.ed.AddKeywordArgument(call, "dependencies=["+dep+"]")
	}
	var es pyedit.Edits
	es.Add(edits...)
	es.Add(e)
	return &lint.Fix{Message: msg, Safety: lint.Unsafe, Edits: es.List()}
}

// appendToList adds elem at the end of a list literal, following its
// layout (one line, or one element per line).
func (fx *fixer) appendToList(list syntax.Node, elem string) (lint.Edit, bool) {
	var last syntax.Node
	comma := -1
	for c := range list.Children() {
		switch {
		case c.Is(syntax.KindComment):
			return lint.Edit{}, false
		case c.IsNamed():
			last, comma = c, -1
		case c.TextIs(",") && !last.IsZero():
			comma = c.End()
		}
	}
	if last.IsZero() {
		return lint.Edit{Start: list.Start() + 1, End: list.Start() + 1, New: elem}, true
	}
	if fx.ed.StartsLine(last) {
		ind := fx.ed.Indent(last)
		if comma >= 0 {
			return lint.Edit{Start: comma, End: comma, New: fx.ed.NL + ind + elem + ","}, true
		}
		return lint.Edit{Start: last.End(), End: last.End(), New: "," + fx.ed.NL + ind + elem}, true
	}
	if comma >= 0 {
		return lint.Edit{Start: comma, End: comma, New: " " + elem}, true
	}
	return lint.Edit{Start: last.End(), End: last.End(), New: ", " + elem}, true
}

// routeFix is the FastAPI fix of one route declared by call.
func (fx *fixer) routeFix(call syntax.Node, methods []string) *lint.Fix {
	for _, m := range methods {
		if m == "WEBSOCKET" {
			return nil
		}
	}
	return fx.dependencies(call, "Add `dependencies=[Depends("+lastName(fx.opts.FixDependency)+")]` to the route")
}

// routerFix is the fix that adds the dependency to APIRouter(...).
func (fx *fixer) routerFix(call syntax.Node) *lint.Fix {
	return fx.dependencies(call, "Add `dependencies=[Depends("+lastName(fx.opts.FixDependency)+")]` to the router")
}

// flaskFix adds the configured decorator under the function's route
// decorators. decos are the function's decorators, in order; isRoute says
// which declare routes.
func (fx *fixer) flaskFix(decos []syntax.Node, isRoute []bool) *lint.Fix {
	if fx.opts.FixDecorator == "" {
		return nil
	}
	first, last := -1, -1
	for i, r := range isRoute {
		if r {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last < 0 {
		return nil
	}
	for i := first; i <= last; i++ {
		if !isRoute[i] {
			return nil // a decorator between two routes: the routes would register different views
		}
	}
	// Under flask-cors' @cross_origin right below the routes: a CORS
	// preflight carries no key and must be answered before auth runs.
	for last+1 < len(decos) && isCrossOrigin(decos[last+1]) {
		last++
	}
	d := decos[last]
	// The decorator must have its own lines.
	if !fx.ed.StartsLine(d) || strings.TrimSpace(string(fx.ed.Src[d.End():textedit.LineEnd(fx.ed.Src, d.End())])) != "" {
		return nil
	}
	name, edits, ok := fx.ref(fx.opts.FixDecorator, d)
	if !ok {
		return nil
	}
	var es pyedit.Edits
	es.Add(edits...)
	es.Add(fx.ed.InsertAfter(d, fx.ed.Indent(d), "@"+name))
	return &lint.Fix{Message: "Add `@" + name + "` to the view", Safety: lint.Unsafe, Edits: es.List()}
}

// isCrossOrigin reports whether decorator d is flask-cors' cross_origin
// (called or not, by any import form).
func isCrossOrigin(d syntax.Node) bool {
	e := d.FirstNamedChild().Unparen()
	if e.Is(syntax.KindCall) {
		e = e.ChildByField(syntax.FieldFunction).Unparen()
	}
	if e.Is(syntax.KindAttribute) {
		e = e.ChildByField(syntax.FieldAttribute)
	}
	return e.TextIs("cross_origin")
}

func lastName(q string) string {
	return q[strings.LastIndexByte(q, '.')+1:]
}
