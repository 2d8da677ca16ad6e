package pyedit

import (
	"fmt"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/pyident"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// LoggerNames are the module-level names an existing logger is reused
// under, in order of preference.
var LoggerNames = []string{"logger", "log", "_logger", "LOGGER", "_log", "LOG"}

// SharedLogger is a configured shared logger, from an option of the form
// "module:name" ("shared.logging_config:logger").
type SharedLogger struct {
	Module, Name string
}

// ParseSharedLogger parses "module:name"; "" gives the zero value (no
// shared logger).
func ParseSharedLogger(s string) (SharedLogger, error) {
	if s == "" {
		return SharedLogger{}, nil
	}
	m, n, ok := strings.Cut(s, ":")
	if !ok || !pyident.IsDotted(m) || !pyident.IsIdentifier(n) {
		return SharedLogger{}, fmt.Errorf("logger-import %q: want \"module:name\", such as \"shared.logging_config:logger\"", s)
	}
	return SharedLogger{Module: m, Name: n}, nil
}

// Logger returns the expression of the module logger usable at n and the
// edits that provide it:
//
//  1. a module-level `logger` (or log, _logger, LOGGER, ...) bound once to
//     `logging.getLogger(...)` and visible at n (bound before n when n runs
//     at import time) — no edits;
//  2. else the shared logger when one is configured: `from module import
//     name`;
//  3. else `logger = logging.getLogger(__name__)` after the imports, with
//     `import logging` when the file has none.
//
// ok is false when none of these is possible at n (the name is taken, or n
// runs at import time before the place the logger would be defined).
func (f *File) Logger(n syntax.Node, shared SharedLogger) (expr string, edits []lint.Edit, ok bool) {
	if name, b := f.existingLogger(); b != nil {
		if !f.visible(name, n) || RunsAtImport(n) && b.Node.Start() > n.Start() {
			return "", nil, false
		}
		return name, nil, true
	}
	if shared.Name != "" {
		e, imp, ok := f.Ref(shared.Module+"."+shared.Name, n)
		if !ok || !f.visible(e, n) {
			return "", nil, false
		}
		if imp != nil {
			if RunsAtImport(n) && n.Start() < f.AfterImports() {
				return "", nil, false
			}
			edits = f.AddImport(*imp)
		}
		return e, edits, true
	}
	const name = "logger"
	if f.nameUsed(name) || !f.visible(name, n) {
		return "", nil, false
	}
	var es Edits
	at := f.AfterImports()
	mod, imp := "", (*Import)(nil)
	if b := f.moduleImport("logging"); b != nil {
		mod = b.Name
		// `import logging` after some code: define the logger after it.
		if top := topStatement(b.Node); !top.IsZero() {
			at = max(at, nextLine(f, top))
		}
	} else {
		var ok bool
		if mod, imp, ok = f.Ref("logging", f.F.Root); !ok {
			return "", nil, false
		}
	}
	if RunsAtImport(n) && n.Start() < at {
		return "", nil, false
	}
	def := name + " = " + mod + ".getLogger(__name__)\n"
	if h := f.header(); imp != nil && len(h.groups) == 0 {
		// No imports yet: the import and the logger go together after the
		// docstring, or before the first statement.
		text := imp.String() + "\n\n" + def
		if h.afterDoc {
			text = "\n" + text
		} else if h.top < len(f.Src) {
			text += "\n"
		}
		es.Add(f.insertLines(h.top, text))
		return name, es.List(), true
	}
	if imp != nil {
		es.Add(f.AddImport(*imp)...)
	}
	es.Add(f.insertLines(at, "\n"+def))
	return name, es.List(), true
}

func nextLine(f *File, n syntax.Node) int {
	for i := n.End(); i < len(f.Src); i++ {
		if f.Src[i] == '\n' {
			return i + 1
		}
	}
	return len(f.Src)
}

// ModuleLogger is the name of the module's own logger (one of LoggerNames
// bound once at module level to logging.getLogger(...)), or "".
func (f *File) ModuleLogger() string {
	name, _ := f.existingLogger()
	return name
}

// existingLogger finds a module-level logger: one of LoggerNames bound once,
// at module level, to a logging.getLogger(...) call.
func (f *File) existingLogger() (string, *names.Binding) {
	ms := f.Names.ModuleScope()
	for _, name := range LoggerNames {
		bs := ms.Bindings(name)
		if len(bs) != 1 || bs[0].Kind != names.Assignment || bs[0].TypeOnly || !unconditional(bs[0].Node) {
			continue // a logger defined for type checkers only, or under an if or try, may not exist when the code runs
		}
		v := bs[0].Value.Unparen()
		if v.Is(syntax.KindCall) && f.Names.Refers(v.ChildByField(syntax.FieldFunction), "logging.getLogger") {
			return name, bs[0]
		}
	}
	return "", nil
}

// moduleImport is the first module-level binding of `import module` (or
// `import module as x`) that every import of the file runs, or nil: an
// `import logging as _log` under an if, in a try or in a function (global)
// leaves the name unbound on the other paths, and a logger defined from it
// would raise NameError at import (generative-ai's tools.py, issue 14).
func (f *File) moduleImport(module string) *names.Binding {
	for _, b := range f.Names.Imports {
		if b.TypeOnly || b.Scope.Kind != names.ModuleScope || len(b.Scope.Bindings(b.Name)) != 1 || !unconditional(b.Node) {
			continue
		}
		if full, _ := importedName(b); full == module && b.Qualified == module {
			return b
		}
	}
	return nil
}

// unconditional reports whether the statement that holds n is one of the
// module's own statements, which run whenever the module is imported: not
// in the body of an if, try, with, loop, function or class.
func unconditional(n syntax.Node) bool {
	for p := n; !p.IsZero(); p = p.Parent() {
		switch p.Parent().Kind() {
		case syntax.KindModule:
			return true
		case syntax.KindBlock:
			return false
		}
	}
	return false
}

// sameBranch reports whether the statement that holds n is in the block
// that holds the statement binding b (or one nested in it): there the
// binding, made earlier in the same block, is in place.
func (f *File) sameBranch(b, n syntax.Node) bool {
	for p := b.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindBlock) {
			return p.Start() <= n.Start() && n.Start() < p.End()
		}
		if p.Is(syntax.KindModule) {
			return true
		}
	}
	return false
}
