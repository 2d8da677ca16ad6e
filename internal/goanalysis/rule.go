package goanalysis

import (
	"flag"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/ruleopts"
)

// A Rule is an xylint rule's Go side, as each rule package declares it
// (its Go variable, made with NewRule or Plain) and analyzers.Go lists
// them: the drivers (xylint's Go producer, the vet tool, the golangci-lint
// plugin) are handed this list and import no rule themselves.
type Rule struct {
	Rule *lint.Rule
	// Analyzer runs with the rule's default options; its flags (the vet
	// tool's -<name>.<option>, one per Setting) change them.
	Analyzer *analysis.Analyzer
	// New builds an analyzer for options: the value the rule's options
	// spec compiled from a configuration (nil: the defaults).
	New func(options any) *analysis.Analyzer
	// ReadsOptions is false for a rule declared with Plain: its analyzer
	// is the same whatever the configuration, so a driver may run one for
	// packages whose configurations differ.
	ReadsOptions bool
	// Settings are the options the Go analyzer reads, in declaration
	// order: the fields of the rule's options tagged `vet:"usage"`. They
	// are the vet tool's flags and the golangci-lint plugin's settings.
	Settings []Setting
	// Configure builds the analyzer with the default options, the lists in
	// set replacing those of the settings they name (keys not in Settings
	// are ignored). The error is the options' own check.
	Configure func(set map[string][]string) (*analysis.Analyzer, error)
	// WithFlags builds another analyzer like Analyzer: the defaults, with
	// flags of its own that change them until it first runs.
	WithFlags func() *analysis.Analyzer
}

// A Setting is one option of a Go analyzer.
type Setting struct {
	Key   string // the option's configuration key ("auth-middleware")
	Usage string // the flag's help
}

// Plain declares the Go side of a rule whose analyzer reads no options.
func Plain(rule *lint.Rule, def Def[struct{}]) Rule {
	a := def.analyzer(rule, func() (struct{}, error) { return struct{}{}, nil })
	return Rule{
		Rule:      rule,
		Analyzer:  a,
		New:       func(any) *analysis.Analyzer { return a },
		Configure: func(map[string][]string) (*analysis.Analyzer, error) { return a, nil },
		WithFlags: func() *analysis.Analyzer { return a },
	}
}

// NewRule declares the Go side of a rule with options, which def's Run
// gets compiled by spec. Every field of T tagged `vet:"usage"` — a
// []string, with its `toml` key — becomes a flag of the default analyzer
// and a Setting.
func NewRule[T, C any](rule *lint.Rule, spec *ruleopts.Spec[T, C], def Def[C]) Rule {
	build := func(opts func() (C, error)) *analysis.Analyzer { return def.analyzer(rule, opts) }
	settings := vetSettings[T]()
	// An analyzer with the defaults and flags: the flags write into t,
	// compiled when the analyzer first runs (the vet tool parses its flags
	// before that).
	withFlags := func() *analysis.Analyzer {
		t := spec.Defaults()
		a := build(sync.OnceValues(func() (C, error) {
			c, err := spec.CompileValue(t)
			if err != nil {
				var zero C
				return zero, fmt.Errorf("%s options: %w", rule.ID(), err)
			}
			return c.Value, nil
		}))
		a.Flags.Init(a.Name, flag.ContinueOnError)
		for _, s := range settings {
			a.Flags.Var(ListFlag{List: field(t, s.Key)}, s.Key, s.Usage)
		}
		return a
	}
	with := func(c C) *analysis.Analyzer { return build(func() (C, error) { return c, nil }) }
	return Rule{
		Rule:         rule,
		Analyzer:     withFlags(),
		WithFlags:    withFlags,
		ReadsOptions: true,
		New:          func(options any) *analysis.Analyzer { return with(spec.Of(options).Value) },
		Settings:     settings,
		Configure: func(set map[string][]string) (*analysis.Analyzer, error) {
			t := spec.Defaults()
			for _, s := range settings {
				if v, ok := set[s.Key]; ok {
					*field(t, s.Key) = v
				}
			}
			c, err := spec.CompileValue(t)
			if err != nil {
				return nil, err
			}
			return with(c.Value), nil
		},
	}
}

// vetSettings are the fields of T tagged `vet:"usage"` (promoted fields of
// embedded structs included), which must be []string.
func vetSettings[T any]() []Setting {
	var out []Setting
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(f.Type)
				continue
			}
			usage, ok := f.Tag.Lookup("vet")
			if !ok {
				continue
			}
			key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if key == "" || f.Type != reflect.TypeOf([]string(nil)) {
				panic(fmt.Sprintf("goanalysis: %s.%s: a vet option is a []string with a toml key", t, f.Name))
			}
			out = append(out, Setting{Key: key, Usage: usage})
		}
	}
	walk(reflect.TypeFor[T]())
	return out
}

// field returns the []string field of t whose toml key is key.
func field[T any](t *T, key string) *[]string {
	var find func(v reflect.Value) *[]string
	find = func(v reflect.Value) *[]string {
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				if p := find(v.Field(i)); p != nil {
					return p
				}
				continue
			}
			if k, _, _ := strings.Cut(f.Tag.Get("toml"), ","); k == key {
				return v.Field(i).Addr().Interface().(*[]string)
			}
		}
		return nil
	}
	return find(reflect.ValueOf(t).Elem())
}
