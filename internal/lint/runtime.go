package lint

import (
	"slices"
	"sort"
)

// Runtime is what one version of a file needs when it runs: the fix engine
// compares it before and after each round of fixes, so that a safe fix never
// yields code that fails at run time (a name it uses that is not bound, an
// import that does not resolve). Only Python fills it; for Go the type
// checker verifies the same.
type Runtime struct {
	// Imports are the modules the file imports when it runs — absolute
	// dotted names, relative imports resolved against the file's module
	// where it is known — sorted, each once. Imports made only for type
	// checkers (under `if TYPE_CHECKING:` or `if False:`) are not among
	// them.
	Imports []string
	// Unbound counts, by name, the references to names that nothing binds
	// when the code runs: bound nowhere in scope and not a builtin, or bound
	// only for type checkers. Code that already has some (a name from a
	// star import, one bound by exec) keeps them; a fix must not add any.
	Unbound map[string]int
	// ImportsOnly says that Unbound was not counted: a file pass with no
	// fix to verify (most files) skips the count, a lookup per identifier,
	// and the fix engine counts them itself when a fix comes later (from
	// the project phase: fix.Options.Runtime).
	ImportsOnly bool
}

// NewUnbound returns the names whose count in after exceeds their count in
// before, sorted.
func (r *Runtime) NewUnbound(before *Runtime) []string {
	var out []string
	for name, n := range r.Unbound {
		if before == nil || n > before.Unbound[name] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// NewImports returns the modules r imports that before does not.
func (r *Runtime) NewImports(before *Runtime) []string {
	var out []string
	for _, m := range r.Imports {
		if _, found := slices.BinarySearch(before.imports(), m); !found {
			out = append(out, m)
		}
	}
	return out
}

func (r *Runtime) imports() []string {
	if r == nil {
		return nil
	}
	return r.Imports
}
