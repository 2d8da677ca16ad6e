package output

import (
	"encoding/json"
	"io"

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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

func problems(ps []driver.Problem) []jsonProblem {
	out := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, jsonProblem{Path: p.Path, Message: p.Message})
	}
	return out
}
