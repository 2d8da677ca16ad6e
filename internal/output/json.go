package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

// JSONVersion is the version of the JSON output's schema
// (docs/json-output.schema.json). It changes only when a field is removed
// or changes meaning; new fields may appear within a version.
const JSONVersion = 1

type jsonReport struct {
	Version     int              `json:"version"`
	Tool        jsonTool         `json:"tool"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Errors      []jsonProblem    `json:"errors"`
	Skipped     []jsonProblem    `json:"skipped"`
	Summary     jsonSummary      `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonDiagnostic struct {
	Code     string     `json:"code"`
	Name     string     `json:"name"`
	Path     string     `json:"path"`
	Language string     `json:"language"`
	Severity string     `json:"severity"`
	Message  string     `json:"message"`
	Range    lint.Range `json:"range"`
	Fix      *jsonFix   `json:"fix,omitempty"`
	Kind     string     `json:"kind,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Safety  string     `json:"safety"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Range lint.Range `json:"range"`
	New   string     `json:"new"`
}

type jsonProblem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files       int            `json:"files"`
	Diagnostics int            `json:"diagnostics"`
	Errors      int            `json:"errors"`
	ByRule      map[string]int `json:"by_rule"`
	ExitCode    int            `json:"exit_code"`
}

func writeJSON(w io.Writer, res *driver.Result, opts Options) error {
	rep := jsonReport{
		Version:     JSONVersion,
		Tool:        jsonTool{Name: "xylint", Version: opts.ToolVersion},
		Diagnostics: []jsonDiagnostic{},
		Errors:      problems(res.Errors),
		Skipped:     problems(res.Notices),
		Summary: jsonSummary{Files: len(res.Files), Diagnostics: len(res.Diagnostics), Errors: len(res.Errors),
			ByRule: map[string]int{}, ExitCode: res.ExitCode()},
	}
	var lines *lint.Lines
	linesPath := ""
	for _, d := range res.Diagnostics {
		jd := jsonDiagnostic{
			Code: d.Rule.Code, Name: d.Rule.Name, Path: d.Path, Language: string(d.Language),
			Severity: d.Severity.String(), Message: d.Message, Range: d.Range, Kind: d.Kind,
		}
		if d.Fix != nil {
			if linesPath != d.Path {
				linesPath, lines = d.Path, lint.NewLines(res.Source(d.Path))
			}
			jd.Fix = &jsonFix{Message: d.Fix.Message, Safety: d.Fix.Safety.String(), Edits: []jsonEdit{}}
			for _, e := range d.Fix.Edits {
				jd.Fix.Edits = append(jd.Fix.Edits, jsonEdit{Range: lines.Range(e.Start, e.End), New: e.New})
			}
		}
		rep.Diagnostics = append(rep.Diagnostics, jd)
		rep.Summary.ByRule[d.Rule.Code]++
	}
	return encodeJSON(w, &rep, runtime.GOMAXPROCS(0))
}

// encodeJSON writes rep byte for byte as a json.Encoder with
// SetIndent("", "  ") would, the diagnostics — nearly all of a large
// report (10 MB for 5,800 findings) — encoded by jobs goroutines: encoding
// was the one serial step left at the end of a run.
func encodeJSON(w io.Writer, rep *jsonReport, jobs int) error {
	diags := rep.Diagnostics
	if jobs < 2 || len(diags) < 4*jobs {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	// The report around an empty list, whose "[]" the encoded diagnostics
	// replace. The field comes after version and tool, whose encoded
	// strings hold no raw newline: the first match is the field.
	rep.Diagnostics = []jsonDiagnostic{}
	var frame bytes.Buffer
	enc := json.NewEncoder(&frame)
	enc.SetIndent("", "  ")
	err := enc.Encode(rep)
	rep.Diagnostics = diags
	if err != nil {
		return err
	}
	const field = "\n  \"diagnostics\": ["
	at := bytes.Index(frame.Bytes(), []byte(field+"]"))
	if at < 0 {
		return fmt.Errorf("json output: no diagnostics field in %.200q", frame.Bytes())
	}
	at += len(field)

	// Chunks of consecutive diagnostics, each element as it sits in the
	// array: its inner lines carry the array's indentation.
	const sep = ",\n    "
	chunks := make([][]byte, jobs)
	errs := make([]error, jobs)
	var wg sync.WaitGroup
	for j := range jobs {
		lo, hi := j*len(diags)/jobs, (j+1)*len(diags)/jobs
		wg.Go(func() {
			// One encoder per chunk reuses its buffers (MarshalIndent per
			// element left ~3 KB of garbage each).
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetIndent("    ", "  ")
			for i := lo; i < hi; i++ {
				if i > lo {
					b.Truncate(b.Len() - 1) // Encode's newline
					b.WriteString(sep)
				}
				if err := enc.Encode(&diags[i]); err != nil {
					errs[j] = err
					return
				}
			}
			b.Truncate(b.Len() - 1)
			chunks[j] = b.Bytes()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	parts := [][]byte{frame.Bytes()[:at], []byte("\n    ")}
	for j, c := range chunks {
		if j > 0 {
			parts = append(parts, []byte(sep))
		}
		parts = append(parts, c)
	}
	parts = append(parts, []byte("\n  "), frame.Bytes()[at:])
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

func problems(ps []driver.Problem) []jsonProblem {
	out := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, jsonProblem{Path: p.Path, Message: p.Message})
	}
	return out
}
