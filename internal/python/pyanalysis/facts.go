package pyanalysis

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"slices"
	"sync"
)

// A Fact is what a rule's file pass exports for its project phase
// (Pass.ExportFact), as go/analysis's facts: a value of a type the
// analyzer declares in FactTypes, made of plain data — names, positions as
// lint.Range, typed cross-file references (internal/python/project.Ref),
// fixes as lint.Fix — and never a syntax.Node, so that the file's tree can
// be freed after its pass, and so that facts can be stored (EncodeFacts)
// and the project phase run again from them without the file's tree.
type Fact interface {
	// PyFact marks a fact type.
	PyFact()
}

// declares reports whether f's type is one of a's FactTypes.
func (a *Analyzer) declares(f Fact) bool {
	t := reflect.TypeOf(f)
	for _, d := range a.FactTypes {
		if reflect.TypeOf(d) == t {
			return true
		}
	}
	return false
}

// FactsVersion is the version of the encoding of facts: EncodeFacts writes
// it and DecodeFacts refuses another. Bump it when the encoding changes
// (the envelope here, the names types are registered under); a store of
// facts keys them by xylint's build as well, since a rule's fact types
// change with the rule.
const FactsVersion = 3

// EncodedFacts are one file's facts as encoding/gob stores them: the
// envelope EncodeFacts writes, and what a store that encodes many files in
// one gob stream (the cache: type descriptions are sent once per stream,
// not once per file) holds per file. Encodable and Decode convert.
type EncodedFacts struct {
	Version      int
	Path, Module string
	// Facts are the facts of each analyzer, by its rule's code, in the
	// order the analyzer exported them.
	Facts map[string][]Fact
	// Shared are the facts several analyzers exported, the same value
	// (internal/python/roles' File, which Collect computes once per file
	// for every rule that asks): each is encoded once, and its places in
	// Facts hold a sharedFact naming it. Decoded, they are one value
	// again, as they were when exported (a project phase may key what it
	// builds from them on that: roles.Of).
	Shared []Fact
}

// sharedFact stands in Facts for Shared[I].
type sharedFact struct{ I int }

func (sharedFact) PyFact() {}

func init() { gob.RegisterName("pyanalysis.sharedFact", sharedFact{}) }

// registered are the fact types registered with gob, by analyzer.
var registered sync.Map // *Analyzer → struct{}

// registerFacts registers a's fact types with encoding/gob, once, under
// names made of the type's package path and name, so that two rules'
// types of the same name do not collide, and a type several rules export
// (a shared model's, internal/python/roles' File) has one name.
func registerFacts(a *Analyzer) {
	if _, done := registered.LoadOrStore(a, struct{}{}); done {
		return
	}
	for _, f := range a.FactTypes {
		gob.RegisterName(factName(reflect.TypeOf(f)), f)
	}
}

// factName is the name a fact type is registered under:
// "github.com/x/y/python.*fileFact".
func factName(t reflect.Type) string {
	e := t
	for e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	return e.PkgPath() + "." + t.String()
}

// EncodeFacts encodes the facts of one file (FileFacts as Analyze returned
// them) with their path and module, for a store of facts: DecodeFacts
// gives them back for the same analyzers.
func EncodeFacts(ff *FileFacts) ([]byte, error) {
	e := ff.Encodable()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(e); err != nil {
		return nil, fmt.Errorf("encoding the facts of %s: %w", ff.Path, err)
	}
	return b.Bytes(), nil
}

// DecodeFacts decodes what EncodeFacts wrote, for analyzers (the facts of
// analyzers not among them are dropped).
func DecodeFacts(data []byte, analyzers []*Analyzer) (*FileFacts, error) {
	RegisterFacts(analyzers)
	var e EncodedFacts
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&e); err != nil {
		return nil, fmt.Errorf("decoding facts: %w", err)
	}
	return e.Decode(analyzers)
}

// Encodable is ff as encoding/gob stores it, its fact types registered.
func (ff *FileFacts) Encodable() *EncodedFacts {
	e := &EncodedFacts{Version: FactsVersion, Path: ff.Path, Module: ff.Module, Facts: map[string][]Fact{}}
	var seen map[Fact]int // pointer facts → analyzers that exported them
	if len(ff.Facts) > 1 {
		seen = map[Fact]int{}
		for _, fs := range ff.Facts {
			for _, f := range fs {
				if reflect.ValueOf(f).Kind() == reflect.Pointer {
					seen[f]++
				}
			}
		}
	}
	shared := map[Fact]int{} // → index in e.Shared
	for a, fs := range ff.Facts {
		registerFacts(a)
		if !slices.ContainsFunc(fs, func(f Fact) bool { return seen[f] > 1 }) {
			e.Facts[a.Rule.Code] = fs
			continue
		}
		out := make([]Fact, len(fs))
		for i, f := range fs {
			if seen[f] < 2 {
				out[i] = f
				continue
			}
			j, ok := shared[f]
			if !ok {
				j = len(e.Shared)
				shared[f] = j
				e.Shared = append(e.Shared, f)
			}
			out[i] = sharedFact{j}
		}
		e.Facts[a.Rule.Code] = out
	}
	return e
}

// RegisterFacts registers the analyzers' fact types with encoding/gob
// (EncodeFacts and Encodable do it for the analyzers they meet): a decoder
// of EncodedFacts calls it first.
func RegisterFacts(analyzers []*Analyzer) {
	for _, a := range analyzers {
		registerFacts(a)
	}
}

// Decode gives back the facts Encodable encoded, for analyzers (the facts
// of analyzers not among them are dropped); another version of the
// encoding is an error.
func (e *EncodedFacts) Decode(analyzers []*Analyzer) (*FileFacts, error) {
	byCode := make(map[string]*Analyzer, len(analyzers))
	for _, a := range analyzers {
		byCode[a.Rule.Code] = a
	}
	if e.Version != FactsVersion {
		return nil, fmt.Errorf("decoding facts of %s: version %d, want %d", e.Path, e.Version, FactsVersion)
	}
	ff := &FileFacts{Path: e.Path, Module: e.Module, Facts: map[*Analyzer][]Fact{}}
	for code, fs := range e.Facts {
		a := byCode[code]
		if a == nil || len(fs) == 0 {
			continue
		}
		out := fs // e's own slice, unless a shared fact is in it
		for i, f := range fs {
			if r, ok := f.(sharedFact); ok {
				if r.I < 0 || r.I >= len(e.Shared) {
					return nil, fmt.Errorf("decoding facts of %s: shared fact %d of %d", e.Path, r.I, len(e.Shared))
				}
				if &out[0] == &fs[0] {
					out = slices.Clone(fs)
				}
				out[i] = e.Shared[r.I]
			}
		}
		ff.Facts[a] = out
	}
	return ff, nil
}
