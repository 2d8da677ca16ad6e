package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

// JSONVersion is the version of the JSON output's schema
// (docs/json-output.schema.json). It changes only when a field is removed
// or changes meaning; new fields may appear within a version. Version 2:
// the lowest severity is "note" (version 1 called it "info"), and
// exit_code follows --fail-on.
const JSONVersion = 2

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
	BySeverity  map[string]int `json:"by_severity"`
	// Failing counts the diagnostics whose level fails the run (see
	// --fail-on); the others are reported but leave exit_code at 0.
	Failing  int `json:"failing"`
	ExitCode int `json:"exit_code"`
}

func writeJSON(w io.Writer, res *driver.Result, opts Options) error {
	rep := jsonReport{
		Version:     JSONVersion,
		Tool:        jsonTool{Name: "xylint", Version: opts.ToolVersion},
		Diagnostics: make([]jsonDiagnostic, 0, len(res.Diagnostics)),
		Errors:      problems(res.Errors),
		Skipped:     problems(res.Notices),
		Summary: jsonSummary{Files: len(res.Files), Diagnostics: len(res.Diagnostics), Errors: len(res.Errors),
			ByRule: map[string]int{}, BySeverity: severityCounts(res.Diagnostics), Failing: res.Failing(), ExitCode: res.ExitCode()},
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
	// array (its inner lines carry the array's indentation), encoded by jobs
	// goroutines and written in order as they are done: a few chunks in
	// memory at a time, not a second copy of the report.
	const sep = ",\n    "
	const perChunk = 64
	n := (len(diags) + perChunk - 1) / perChunk
	chunks := make([][]byte, n)
	done := make([]chan struct{}, n)
	for k := range done {
		done[k] = make(chan struct{})
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			var b []byte // reused: a chunk is written before the buffer grows past a few chunks
			for k := int(next.Add(1) - 1); k < n; k = int(next.Add(1) - 1) {
				b = b[:0]
				for i := k * perChunk; i < min((k+1)*perChunk, len(diags)); i++ {
					if i > 0 {
						b = append(b, sep...)
					}
					b = appendDiagnostic(b, &diags[i], "    ")
				}
				chunks[k] = slices.Clone(b)
				close(done[k])
			}
		})
	}
	defer wg.Wait()
	write := func(p []byte) error {
		_, err := w.Write(p)
		return err
	}
	if err := write(append(frame.Bytes()[:at:at], "\n    "...)); err != nil {
		return err
	}
	for k := range chunks {
		<-done[k]
		if err := write(chunks[k]); err != nil {
			return err
		}
		chunks[k] = nil
	}
	return write(append([]byte("\n  "), frame.Bytes()[at:]...))
}

// appendDiagnostic appends d as a json.Encoder with SetIndent(pre, "  ")
// encodes it, without the final newline: by hand, as encoding/json's
// reflection and its second pass for the indentation were most of the
// output's time (~65 ms of CPU for 5,800 findings).
func appendDiagnostic(b []byte, d *jsonDiagnostic, pre string) []byte {
	in := pre + "  "
	b = append(b, '{')
	b = appendKey(b, in, "code", true)
	b = appendString(b, d.Code)
	b = appendKey(b, in, "name", false)
	b = appendString(b, d.Name)
	b = appendKey(b, in, "path", false)
	b = appendString(b, d.Path)
	b = appendKey(b, in, "language", false)
	b = appendString(b, d.Language)
	b = appendKey(b, in, "severity", false)
	b = appendString(b, d.Severity)
	b = appendKey(b, in, "message", false)
	b = appendString(b, d.Message)
	b = appendKey(b, in, "range", false)
	b = appendRange(b, d.Range, in)
	if f := d.Fix; f != nil {
		in2 := in + "  "
		b = appendKey(b, in, "fix", false)
		b = append(b, '{')
		b = appendKey(b, in2, "message", true)
		b = appendString(b, f.Message)
		b = appendKey(b, in2, "safety", false)
		b = appendString(b, f.Safety)
		b = appendKey(b, in2, "edits", false)
		if len(f.Edits) == 0 {
			b = append(b, "[]"...)
		} else {
			in3, in4 := in2+"  ", in2+"    "
			b = append(b, '[')
			for i, e := range f.Edits {
				if i > 0 {
					b = append(b, ',')
				}
				b = append(b, '\n')
				b = append(b, in3...)
				b = append(b, '{')
				b = appendKey(b, in4, "range", true)
				b = appendRange(b, e.Range, in4)
				b = appendKey(b, in4, "new", false)
				b = appendString(b, e.New)
				b = appendClose(b, in3, '}')
			}
			b = appendClose(b, in2, ']')
		}
		b = appendClose(b, in, '}')
	}
	if d.Kind != "" {
		b = appendKey(b, in, "kind", false)
		b = appendString(b, d.Kind)
	}
	return appendClose(b, pre, '}')
}

// appendKey appends an object's key on its own line, indented by in.
func appendKey(b []byte, in, key string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, '\n')
	b = append(b, in...)
	b = append(b, '"')
	b = append(b, key...)
	return append(b, `": `...)
}

func appendClose(b []byte, in string, c byte) []byte {
	b = append(b, '\n')
	b = append(b, in...)
	return append(b, c)
}

func appendRange(b []byte, r lint.Range, in string) []byte {
	in2 := in + "  "
	b = append(b, '{')
	b = appendKey(b, in2, "start", true)
	b = appendPosition(b, r.Start, in2)
	b = appendKey(b, in2, "end", false)
	b = appendPosition(b, r.End, in2)
	return appendClose(b, in, '}')
}

func appendPosition(b []byte, p lint.Position, in string) []byte {
	in2 := in + "  "
	b = append(b, '{')
	b = appendKey(b, in2, "offset", true)
	b = strconv.AppendInt(b, int64(p.Offset), 10)
	b = appendKey(b, in2, "line", false)
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = appendKey(b, in2, "column", false)
	b = strconv.AppendInt(b, int64(p.Column), 10)
	return appendClose(b, in, '}')
}

// appendString appends s quoted as encoding/json quotes it. Printable ASCII
// other than what it escapes (quote, backslash, and <, > and & for HTML) is
// copied; any other string is left to encoding/json.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func problems(ps []driver.Problem) []jsonProblem {
	out := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		out = append(out, jsonProblem{Path: p.Path, Message: p.Message})
	}
	return out
}
