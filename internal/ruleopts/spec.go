package ruleopts

import (
	"fmt"
	"sync"
)

// Spec declares a rule's options: T is what the rule's table
// ([tool.xylint.<rule-name>]) decodes into (fields tagged
// `toml:"kebab-name"`; a field the Go analyzer reads also carries
// `vet:"usage"`, which makes it a vet flag and a golangci-lint setting),
// and C is what the rule's code reads, compiled from a T once per
// configuration (validated, globs parsed, tables merged). It implements
// lint.OptionsSpec for the packages that handle every rule alike; the
// rule's own code gets its C typed (pyanalysis.New, goanalysis.NewRule).
type Spec[T, C any] struct {
	defaults func() *T
	compile  func(*T) (C, error)
	def      func() *Compiled[C]
}

// NewSpec declares options whose defaults are what defaults returns (a new
// value on each call) and which compile compiles; compile's error says
// which key is wrong and why.
func NewSpec[T, C any](defaults func() *T, compile func(*T) (C, error)) *Spec[T, C] {
	s := &Spec[T, C]{defaults: defaults, compile: compile}
	s.def = sync.OnceValue(func() *Compiled[C] {
		c, err := compile(defaults())
		if err != nil {
			panic(fmt.Sprintf("ruleopts: the default options do not compile: %v", err))
		}
		return &Compiled[C]{Value: c}
	})
	return s
}

// New returns the defaults, as lint.OptionsSpec says.
func (s *Spec[T, C]) New() any { return s.defaults() }

// Compile compiles a *T New returned (lint.OptionsSpec).
func (s *Spec[T, C]) Compile(decoded any) (any, error) {
	t, ok := decoded.(*T)
	if !ok {
		return nil, fmt.Errorf("ruleopts: options of type %T, want %T", decoded, t)
	}
	c, err := s.compile(t)
	if err != nil {
		return nil, err
	}
	return &Compiled[C]{Value: c}, nil
}

// Defaults returns a new T holding the defaults, for code that starts from
// them (tests, the golangci-lint plugin's settings, the vet tool's flags).
func (s *Spec[T, C]) Defaults() *T { return s.defaults() }

// CompileValue compiles t, typed.
func (s *Spec[T, C]) CompileValue(t *T) (*Compiled[C], error) {
	c, err := s.compile(t)
	if err != nil {
		return nil, err
	}
	return &Compiled[C]{Value: c}, nil
}

// Of returns the compiled options v holds: what Compile returned, or the
// compiled defaults when v is nil (a rule run without configuration).
func (s *Spec[T, C]) Of(v any) *Compiled[C] {
	if v == nil {
		return s.def()
	}
	c, ok := v.(*Compiled[C])
	if !ok {
		panic(fmt.Sprintf("ruleopts: options of type %T, want %T", v, c))
	}
	return c
}

// Compiled is a rule's options in one configuration, compiled. Besides the
// value it keeps what a rule's language side derives from it (Derive), so
// that is made once per configuration too.
type Compiled[C any] struct {
	Value   C
	derived sync.Map // *Key → value
}

// A Key names one thing derived from compiled options (Derive). Each
// deriver declares its own: `var prefilterKey ruleopts.Key`.
type Key struct{ _ byte }

// Derive returns what f makes of c's value, made on the first call for c
// and key and kept with c: a rule's Python side derives its prefilter from
// options its Go side reads too. f must not call Derive on c.
func Derive[C, D any](c *Compiled[C], key *Key, f func(C) D) D {
	if v, ok := c.derived.Load(key); ok {
		return v.(D)
	}
	v, _ := c.derived.LoadOrStore(key, f(c.Value))
	return v.(D)
}
