package driver

import (
	"fmt"

	"github.com/xynergy/xylint/internal/lint"
)

// SourceAnalyzer is implemented by producers that can analyse a file's
// content given in memory, as `xylint fix` needs for each round of fixes.
// The result must be what Analyze would give for a file with that content,
// the other files unchanged (a project-wide phase's findings in the file
// included, as far as the producer can give them cheaply: pyproducer runs
// the phase again for the rules that reported into the file).
type SourceAnalyzer interface {
	AnalyzeSource(in Input, src []byte) *lint.FileResult
}

type producedInput struct {
	Input
	producer Producer
}

// Input returns the input a file of the run was analysed as (its absolute
// path and configuration).
func (r *Result) Input(path string) (Input, bool) {
	in, ok := r.inputs[path]
	return in.Input, ok
}

// Reanalyze analyses new content for a file of the run with the file's
// configuration, and applies the same enablement and suppressions as Run:
// the result's diagnostics are those `xylint check` would report for that
// content.
func (r *Result) Reanalyze(path string, src []byte) (*lint.FileResult, error) {
	in, ok := r.inputs[path]
	if !ok {
		return nil, fmt.Errorf("%s: not a file of this run", path)
	}
	sa, ok := in.producer.(SourceAnalyzer)
	if !ok {
		return nil, fmt.Errorf("%s: the %T producer cannot analyse content in memory", path, in.producer)
	}
	f := sa.AnalyzeSource(in.Input, src)
	if f.Err != nil {
		return nil, f.Err
	}
	if f.Skipped != "" {
		return nil, fmt.Errorf("%s: skipped: %s", path, f.Skipped)
	}
	f.Diagnostics = finishDiagnostics(f, in.Config, r.Registry.LookupSuppression)
	r.proj.rename(f)
	return f, nil
}

// An ImportChecker is a producer that knows which modules the code it
// analyses can import where it runs (Python: its standard library, the
// modules of the run, those the run imports, importable-modules). The fix
// engine asks it about every import a fix adds (fix.Options.Importable).
type ImportChecker interface {
	// Importable returns nil when the file in may import module, else why
	// not and which setting would allow it.
	Importable(in Input, module string) error
}

// Importable asks the producer of the file at path whether that file may
// import module (see ImportChecker); nil when the producer does not say.
func (r *Result) Importable(path, module string) error {
	in, ok := r.inputs[path]
	if !ok {
		return nil
	}
	if ic, ok := in.producer.(ImportChecker); ok {
		return ic.Importable(in.Input, module)
	}
	return nil
}
