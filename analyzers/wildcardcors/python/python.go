// Package python is XY001 wildcard-cors's Python detection (the rule's
// documentation is in the parent package).
//
// The file pass reads the CORS policies a file declares — Starlette's and
// FastAPI's CORSMiddleware (add_middleware, Middleware(...), or the class
// wrapping an app), flask-cors's CORS(...) and @cross_origin(...), raw
// Access-Control-Allow-Origin headers, and Django's django-cors-headers
// settings — and evaluates their origins statically (value.go): literals,
// names bound in the file, `os.getenv("X", "*")` and friends,
// `.split(",")`, comprehensions over them. What it cannot finish alone is a
// name imported from another module: the policy is exported as a pending
// fact, each file exports its module-level constants that hold a wildcard
// (and the constants it re-exports by import), and the project phase
// (project.go) resolves one against the other across files.
package python

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Analyzer is XY001 wildcard-cors for Python.
var Analyzer = pyanalysis.New(wildcardcors.Rule, wildcardcors.OptionsSpec, pyanalysis.Def[*wildcardcors.Config]{
	Kinds: []syntax.Kind{syntax.KindCall, syntax.KindAssignment, syntax.KindPair, syntax.KindTuple},
	// A CORS policy names CORS (CORSMiddleware, flask_cors, Django's CORS_*
	// settings) or the header; a module that only holds the constant a
	// policy imports holds a quoted "*".
	// A settings module that holds the origins a fix may use names them
	// (settings.go: every name of an origins setting contains "origins");
	// a pydantic settings class without them names BaseSettings (the
	// message says it holds none).
	Prefilter: &pyanalysis.Prefilter{Any: []string{"CORS", "cors", "llow-Origin", "llow-origin", "LLOW-ORIGIN", `"*"`, `'*'`, "origins", "ORIGINS", "BaseSettings",
		// A header credential the project authenticates by (headerauth.go).
		"APIKeyHeader", "HTTPBearer", "OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer", "OpenIdConnect",
		"pi-key", "pi-Key", "PI-KEY", "pi_key", "uthorization"}},
	FactTypes: []pyanalysis.Fact{(*fileFact)(nil)},
	Run:       run,
	Project:   projectPhase,
})

// Qualified names of the classes and functions the rule reads.
var (
	corsMiddleware = map[string]bool{
		"starlette.middleware.cors.CORSMiddleware": true,
		"fastapi.middleware.cors.CORSMiddleware":   true,
	}
	middlewareWrapper = map[string]bool{
		"starlette.middleware.Middleware": true,
		"fastapi.middleware.Middleware":   true,
	}
	// flask-cors under every import path it has been published under:
	// flask_cors (one module up to 1.10, a package since 2.0, with
	// extension.py and decorator.py) and flask.ext.cors (Flask's extension
	// importer, which flask-cors's documentation used until 2016; gone in
	// Flask 1.0).
	flaskCORSModules = []string{"flask_cors", "flask.ext.cors"}
	flaskCORS        = map[string]bool{
		"flask_cors.CORS":           true,
		"flask_cors.extension.CORS": true,
		"flask.ext.cors.CORS":       true,
	}
	flaskCrossOrigin = map[string]bool{
		"flask_cors.cross_origin":           true,
		"flask_cors.decorator.cross_origin": true,
		"flask.ext.cors.cross_origin":       true,
	}
)

const (
	acao = "access-control-allow-origin"
	acac = "access-control-allow-credentials"
	// credentialsNote ends the message of an error (as the Go detection's).
	credentialsNote = " with credentials allowed: any site can read users' data"
)

// check says how an origins value is judged (and resolved across files).
type check uint8

const (
	starletteOrigins check = iota + 1 // allow_origins: "*" in the sequence (or in the string)
	starletteRegex                    // allow_origin_regex: re.fullmatch
	flaskOrigins                      // flask-cors origins: "*" or a regex that matches everything
	djangoOrigins                     // CORS_ALLOWED_ORIGINS: "*"
	djangoRegexes                     // CORS_ALLOWED_ORIGIN_REGEXES: re.match
)

// allows reports whether one origins string allows every origin under c.
func (c check) allows(s string, seq bool) bool {
	switch c {
	case starletteOrigins:
		// Starlette tests `"*" in allow_origins`: on a string, a substring test.
		if !seq {
			return strings.Contains(s, "*")
		}
		return s == "*"
	case starletteRegex:
		return regexAllowsEveryOrigin(s, true, false)
	case flaskOrigins:
		return flaskOriginAllowsEvery(s)
	case djangoOrigins:
		return s == "*"
	case djangoRegexes:
		return regexAllowsEveryOrigin(s, false, false)
	}
	return false
}

type filePass struct {
	pass *pyanalysis.Pass
	opts *wildcardcors.Config
	ev   *evaluator
	fact fileFact
	// Raw headers: the wildcard ones found, and the scopes (function node
	// index, -1 for module level) that allow credentials by header.
	headers   []headerSet
	credScope map[int]bool
	// Django settings at module level.
	django      []djangoSetting
	djangoCreds bool
	fx          *fixer // the fix's helpers, made on first use
}

type headerSet struct {
	at    syntax.Node
	scope int
}

type djangoSetting struct {
	at  syntax.Node
	msg string
	fix *lint.Fix
}

func run(pass *pyanalysis.Pass, opts *wildcardcors.Config) error {
	fp := &filePass{pass: pass, opts: opts, ev: &evaluator{names: pass.Names}, credScope: map[int]bool{}}
	for _, n := range pass.Nodes(syntax.KindCall) {
		fp.call(n)
	}
	for _, n := range pass.Nodes(syntax.KindAssignment) {
		fp.assignment(n)
	}
	for _, n := range pass.Nodes(syntax.KindPair) {
		fp.header(n, n.ChildByField(syntax.FieldKey), n.ChildByField(syntax.FieldValue))
	}
	for _, n := range pass.Nodes(syntax.KindTuple) {
		if n.NamedChildCount() == 2 {
			k := n.FirstNamedChild()
			fp.header(n, k, nextNamed(k))
		}
	}
	for _, h := range fp.headers {
		fp.report(h.at, fp.credScope[h.scope], `Access-Control-Allow-Origin: * lets every web origin call the service`, nil)
	}
	for _, d := range fp.django {
		fp.report(d.at, fp.djangoCreds, d.msg, d.fix)
	}
	fp.exportConstants()
	fp.exportSettings()
	fp.fact.HeaderAuth = headerAuth(pass)
	fp.fact.WildcardTests = wildcardTests(pass)
	if !fp.fact.empty() {
		f := fp.fact
		pass.ExportFact(&f)
	}
	return nil
}

// report reports at n, with fix (or none): an error when credentials are
// allowed too, a warning otherwise.
//
// A finding whose fix has alternatives that read a settings object the
// file imports waits for the project phase (settings.go), which knows
// whether the object has an origins setting.
func (fp *filePass) report(n syntax.Node, credentials bool, msg string, fix *lint.Fix) {
	d := fp.pass.Diagnostic(n, "%s", msg)
	d.Fix = fix
	d.Severity = lint.Warning
	if credentials {
		d.Severity = lint.Error
		d.Message += credentialsNote
	}
	var choice *settingsChoice
	withheld := ""
	if fix != nil && fp.fx != nil {
		choice = fp.fx.choices[fix]
		withheld = fp.fx.withheld[fix]
	}
	if choice != nil || !credentials || fix != nil {
		// A warning waits for the project phase too: it is a note where
		// the project authenticates by a header credential (headerauth.go);
		// and a fix, which a test of the project that asserts the
		// wildcard withholds (deploy.go).
		p := pendingReport{Range: d.Range, Severity: d.Severity, Message: d.Message, Fix: fix, Withheld: withheld}
		if choice != nil {
			p.Choice = *choice
		}
		fp.fact.Reports = append(fp.fact.Reports, p)
		return
	}
	fp.pass.Report(d)
}

func nextNamed(n syntax.Node) syntax.Node {
	for c := n.NextSibling(); !c.IsZero(); c = c.NextSibling() {
		if c.IsNamed() && !c.IsExtra() {
			return c
		}
	}
	return syntax.Node{}
}

// isCORSMiddleware reports whether n names Starlette's CORSMiddleware (or
// one of the options' middleware classes).
func (fp *filePass) isCORSMiddleware(n syntax.Node) bool {
	n = n.Unparen()
	if !n.Is(syntax.KindIdentifier) && !n.Is(syntax.KindAttribute) {
		return false
	}
	q, ok := fp.pass.Names.QualifiedName(n)
	if !ok {
		// An unbound name: a star import.
		return n.TextIs("CORSMiddleware")
	}
	if corsMiddleware[q] {
		return true
	}
	for _, m := range fp.opts.Middleware {
		if q == m {
			return true
		}
	}
	return false
}

func (fp *filePass) qualified(n syntax.Node) string {
	q, _ := fp.pass.Names.QualifiedName(n)
	return q
}

func (fp *filePass) call(n syntax.Node) {
	fn := n.ChildByField(syntax.FieldFunction).Unparen()
	args := n.ChildByField(syntax.FieldArguments)
	if !args.Is(syntax.KindArgumentList) {
		return
	}
	switch {
	case fp.isCORSMiddleware(fn):
		// CORSMiddleware(app, allow_origins=...) wrapping an app by hand.
		fp.starlette(args)
		return
	case fn.Is(syntax.KindAttribute) && fn.ChildByField(syntax.FieldAttribute).TextIs("add_middleware"):
		cls := args.Argument(0, "middleware_class")
		if fp.isCORSMiddleware(cls) {
			fp.starlette(args)
		}
		return
	}
	if !fn.Is(syntax.KindIdentifier) && !fn.Is(syntax.KindAttribute) {
		return
	}
	// Cheap test before resolving: the callee's last name.
	last := fn
	if fn.Is(syntax.KindAttribute) {
		last = fn.ChildByField(syntax.FieldAttribute)
	}
	switch {
	case last.TextIs("Middleware"):
		q := fp.qualified(fn)
		if (middlewareWrapper[q] || q == "" && fn.TextIs("Middleware")) && fp.isCORSMiddleware(args.PositionalArg(0)) {
			fp.starlette(args)
		}
	case last.TextIs("CORS"):
		if flaskCORS[fp.qualified(fn)] || fp.fromFlaskCORSStar(fn) {
			fp.flask(n, args, "flask-cors CORS()")
		}
	case last.TextIs("cross_origin"):
		if flaskCrossOrigin[fp.qualified(fn)] || fp.fromFlaskCORSStar(fn) {
			fp.flask(n, args, "flask-cors @cross_origin()")
		}
	case fn.Is(syntax.KindAttribute) && headerSetters[string(last.Text())]:
		// resp.headers.set("Access-Control-Allow-Origin", "*"),
		// resp.set_header(...), self.send_header(...), ...
		k := args.PositionalArg(0)
		if v := args.PositionalArg(1); !v.IsZero() && args.PositionalArg(2).IsZero() {
			fp.header(n, k, v)
		}
	}
}

// fromFlaskCORSStar reports whether fn is a name the file does not bind
// while it star-imports flask-cors (`from flask_cors import *`): then the
// name is flask-cors's. Any other unresolved name or attribute called CORS
// or cross_origin (a parameter, `api.cross_origin`) is not flask-cors's.
func (fp *filePass) fromFlaskCORSStar(fn syntax.Node) bool {
	if !fn.Is(syntax.KindIdentifier) || fp.pass.Names.Lookup(fn) != nil {
		return false
	}
	// Also under a try or an if (`try: from flask_cors import *`).
	for st := range fp.pass.File.Root.Descendants() {
		if !st.Is(syntax.KindImportFromStatement) || st.ChildOfKind(syntax.KindWildcardImport).IsZero() {
			continue
		}
		mod := strings.Join(strings.Fields(string(st.ChildByField(syntax.FieldModuleName).Text())), "")
		for _, m := range flaskCORSModules {
			if mod == m || strings.HasPrefix(mod, m+".") {
				return true
			}
		}
	}
	return false
}

// headerSetters are the methods that set a header from (name, value)
// arguments (Werkzeug/Starlette headers, http.server, http.client,
// Falcon, Bottle, aiohttp); reads such as headers.get(name, default) are
// not among them.
var headerSetters = map[string]bool{
	"set": true, "add": true, "setdefault": true, "append": true, "add_header": true,
	"set_header": true, "send_header": true, "putheader": true, "__setitem__": true,
}

// isTrue reports whether the expression evaluates to True (in either
// branch of a conditional).
func (fp *filePass) isTrue(n syntax.Node) bool {
	if n.IsZero() {
		return false
	}
	v := fp.ev.eval(n, 0)
	if v.kind == boolean {
		return v.b
	}
	for _, e := range v.elems {
		if e.kind == boolean && e.b {
			return true
		}
	}
	return false
}

// starlette checks CORSMiddleware's keyword arguments.
func (fp *filePass) starlette(args syntax.Node) {
	creds := fp.isTrue(args.KeywordArg("allow_credentials"))
	if o := args.KeywordArg("allow_origins"); !o.IsZero() {
		fp.origins(o, starletteOrigins, "CORSMiddleware allow_origins", creds)
	}
	if r := args.KeywordArg("allow_origin_regex"); !r.IsZero() {
		fp.origins(r, starletteRegex, "CORSMiddleware allow_origin_regex", creds)
	}
}

// flask checks a flask-cors CORS(...) call or @cross_origin(...) decorator.
// flask-cors allows every origin unless `origins` (or, per resource, the
// resource's options) say otherwise; CORS() also reads the app's
// CORS_ORIGINS configuration, so a file that sets it is left alone.
func (fp *filePass) flask(call, args syntax.Node, what string) {
	creds := fp.isTrue(args.KeywordArg("supports_credentials"))
	if o := args.KeywordArg("origins"); !o.IsZero() {
		fp.origins(o, flaskOrigins, what+" origins", creds)
		return
	}
	for a := range args.NamedChildren() {
		if a.Is(syntax.KindDictionarySplat) || a.Is(syntax.KindListSplat) {
			return // options we cannot see
		}
	}
	if bytes.Contains(fp.pass.Src, []byte("CORS_ORIGINS")) {
		return
	}
	if r := args.KeywordArg("resources"); !r.IsZero() {
		fp.resources(call, r, what, creds)
		return
	}
	fp.report(call, creds, what+" without origins lets every web origin call the service", fp.fixer().addOrigins(call))
}

// resources checks flask-cors's resources=: a dict from path patterns to
// options, each of which may set origins; a resource without origins (and
// resources given as paths only) allows every origin.
func (fp *filePass) resources(call, r syntax.Node, what string, creds bool) {
	d := fp.dictValue(r)
	if d.IsZero() {
		v := fp.ev.eval(r, 0)
		if v.kind == str || v.kind == seq && len(v.elems) > 0 && allKnownStrings(v.elems) {
			fp.report(call, creds, what+" without origins lets every web origin call the service", fp.fixer().addOrigins(call))
		}
		return
	}
	for p := range d.NamedChildren() {
		if !p.Is(syntax.KindPair) {
			return // ** in the dict: unknown
		}
		opts := fp.dictValue(p.ChildByField(syntax.FieldValue))
		if opts.IsZero() {
			continue
		}
		var origins syntax.Node
		for q := range opts.NamedChildren() {
			if q.Is(syntax.KindPair) {
				if k, ok := q.ChildByField(syntax.FieldKey).StringLiteral(); ok && k == "origins" {
					origins = q.ChildByField(syntax.FieldValue)
				}
			} else {
				origins = q // ** splat: assume it may set origins
			}
		}
		if origins.IsZero() {
			path, _ := p.ChildByField(syntax.FieldKey).StringLiteral()
			fp.report(p, creds, fmt.Sprintf("%s resource %q without origins lets every web origin call the service", what, path), fp.fixer().addOrigins(call))
			continue
		}
		if origins.Is(syntax.KindPair) || origins.Is(syntax.KindDictionarySplat) {
			continue
		}
		fp.origins(origins, flaskOrigins, what+" resources origins", creds)
	}
}

func allKnownStrings(vs []value) bool {
	for _, v := range vs {
		if v.kind != str {
			return false
		}
	}
	return true
}

// dictValue returns the dictionary literal n is or names (through one
// assignment in the file), or the zero Node.
func (fp *filePass) dictValue(n syntax.Node) syntax.Node {
	for i := 0; i < 4; i++ {
		n = n.Unparen()
		switch {
		case n.Is(syntax.KindDictionary):
			return n
		case n.Is(syntax.KindIdentifier):
			b := fp.pass.Names.Lookup(n)
			if b == nil || b.Kind != names.Assignment || b.Value.IsZero() {
				return syntax.Node{}
			}
			n = b.Value
		default:
			return syntax.Node{}
		}
	}
	return syntax.Node{}
}

// origins evaluates an origins argument and reports a wildcard in it, or
// exports it for the project phase when it goes through names imported
// from other modules.
func (fp *filePass) origins(arg syntax.Node, c check, subject string, creds bool) {
	v := fp.ev.eval(arg, 0)
	hit, refs := findWildcard(v, c)
	if hit != nil {
		fp.reportWildcard(arg, *hit, c, subject, creds)
		return
	}
	if len(refs) == 0 {
		return
	}
	p := pending{Check: c, Subject: subject, Creds: creds, At: fp.pass.File.Lines.Range(arg.Start(), arg.End())}
	for _, r := range refs {
		p.Refs = append(p.Refs, project.ImportedRef(r.ref))
		p.Vias = append(p.Vias, r.via)
	}
	fp.fact.Pending = append(fp.fact.Pending, p)
}

// findWildcard returns the first string of v that allows every origin
// under c, or else the references to other modules v holds.
func findWildcard(v value, c check) (*value, []value) {
	switch v.kind {
	case str:
		if c.allows(v.s, false) {
			return &v, nil
		}
	case ref:
		return nil, []value{v}
	case seq:
		var refs []value
		for i := range v.elems {
			e := v.elems[i]
			switch e.kind {
			case str:
				if c.allows(e.s, true) {
					return &e, nil
				}
			case ref:
				refs = append(refs, e)
			}
		}
		return nil, refs
	}
	return nil, nil
}

// reportWildcard reports the wildcard hit found in arg: at the literal when
// it is written in the argument (where a fix replaces it), else at the
// argument, naming the variable it came through.
func (fp *filePass) reportWildcard(arg syntax.Node, hit value, c check, subject string, creds bool) {
	at := arg
	if !hit.at.IsZero() && arg.Contains(hit.at) {
		at = hit.at
	}
	fp.report(at, creds, wildcardMessage(c, subject, hit.s, hit.via, hit.envVar, hit.env, ""), fp.fixer().wildcard(arg, hit, c))
}

// wildcardMessage says what allows every origin: the subject, the value,
// the variable it came through (and from where), or the environment
// variable whose default it is.
func wildcardMessage(c check, subject, s, via, envVar string, env bool, from string) string {
	var msg string
	switch c {
	case starletteRegex, djangoRegexes:
		msg = fmt.Sprintf("%s %q matches every origin", subject, s)
	default:
		if s == "*" || c == starletteOrigins {
			msg = fmt.Sprintf("%s contains %q", subject, "*")
		} else {
			msg = fmt.Sprintf("%s %q matches every origin", subject, s)
		}
	}
	switch {
	case env && envVar != "":
		msg += fmt.Sprintf(" (the default when %s is unset)", envVar)
	case env:
		msg += " (an environment lookup's default)"
	}
	if via != "" {
		msg += " through " + via
		if from != "" {
			msg += " from " + from
		}
	}
	return msg
}

// header records an Access-Control-Allow-Origin (or -Credentials) header
// written as key k and value v: a dict pair, a (key, value) tuple, a
// subscript assignment or a two-argument call.
func (fp *filePass) header(at, k, v syntax.Node) {
	which := headerName(k)
	if which == "" || v.IsZero() {
		return
	}
	val := fp.ev.eval(v, 0)
	if val.kind != str {
		return
	}
	scope := enclosingFunction(at)
	switch which {
	case acao:
		if strings.TrimSpace(val.s) == "*" && !errorResponse(at) {
			fp.headers = append(fp.headers, headerSet{at: at, scope: scope})
		}
	case acac:
		if strings.EqualFold(strings.TrimSpace(val.s), "true") {
			fp.credScope[scope] = true
		}
	}
}

// errorResponse reports whether the header pair at is written in the
// headers of an error response: a dict given as `headers=` to a response
// whose status (`status_code=`, `status=`, or a positional integer) is 400
// or above, or returned beside such a status in a Flask tuple (`return
// body, 403, {...}`). A wildcard there lets other sites read why their
// request was refused (a CSRF or rate-limit rejection), not the service's
// data: it is no CORS policy.
func errorResponse(at syntax.Node) bool {
	if !at.Is(syntax.KindPair) {
		return false
	}
	dict := at.Parent()
	if !dict.Is(syntax.KindDictionary) {
		return false
	}
	p := dict.Parent()
	switch {
	case p.Is(syntax.KindKeywordArgument) && p.ChildByField(syntax.FieldName).TextIs("headers"):
		args := p.Parent()
		for a := range args.NamedChildren() {
			switch {
			case a.Is(syntax.KindKeywordArgument):
				if name := a.ChildByField(syntax.FieldName); (name.TextIs("status_code") || name.TextIs("status")) && errorStatus(a.ChildByField(syntax.FieldValue)) {
					return true
				}
			case errorStatus(a):
				return true
			}
		}
	case p.Is(syntax.KindExpressionList) || p.Is(syntax.KindTuple):
		for a := range p.NamedChildren() {
			if errorStatus(a) {
				return true
			}
		}
	}
	return false
}

// errorStatus reports whether n is an HTTP error status: an integer
// literal from 400 to 599, a constant named so (`status.HTTP_403_FORBIDDEN`,
// `HTTPStatus.FORBIDDEN`), or an `HTTPStatus` member of an error.
func errorStatus(n syntax.Node) bool {
	n = n.Unparen()
	switch {
	case n.Is(syntax.KindInteger):
		v, err := strconv.Atoi(string(n.Text()))
		return err == nil && v >= 400 && v < 600
	case n.Is(syntax.KindAttribute):
		obj := string(n.ChildByField(syntax.FieldObject).Text())
		name := string(n.ChildByField(syntax.FieldAttribute).Text())
		if strings.HasPrefix(name, "HTTP_4") || strings.HasPrefix(name, "HTTP_5") {
			return true
		}
		return strings.HasSuffix(obj, "HTTPStatus") && httpErrorNames[name]
	}
	return false
}

// httpErrorNames are the HTTPStatus members of the usual error statuses.
var httpErrorNames = map[string]bool{
	"BAD_REQUEST": true, "UNAUTHORIZED": true, "FORBIDDEN": true, "NOT_FOUND": true, "METHOD_NOT_ALLOWED": true,
	"CONFLICT": true, "GONE": true, "UNPROCESSABLE_ENTITY": true, "UNPROCESSABLE_CONTENT": true, "TOO_MANY_REQUESTS": true,
	"INTERNAL_SERVER_ERROR": true, "NOT_IMPLEMENTED": true, "BAD_GATEWAY": true, "SERVICE_UNAVAILABLE": true,
	"GATEWAY_TIMEOUT": true, "PAYLOAD_TOO_LARGE": true, "REQUEST_ENTITY_TOO_LARGE": true,
}

// headerName returns acao or acac when n is a string literal naming that
// header (in any case), else "".
func headerName(n syntax.Node) string {
	if !n.Is(syntax.KindString) {
		return ""
	}
	// Cheap length test before decoding: the quotes and the name.
	if l := n.End() - n.Start(); l < len(acao)+2 || l > len(acac)+8 {
		return ""
	}
	s, ok := n.StringLiteral()
	if !ok {
		return ""
	}
	s = strings.TrimSpace(s)
	switch {
	case strings.EqualFold(s, acao):
		return acao
	case strings.EqualFold(s, acac):
		return acac
	}
	return ""
}

// enclosingFunction is the index of the function around n, or -1.
func enclosingFunction(n syntax.Node) int {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) || p.Is(syntax.KindLambda) {
			return p.Index()
		}
	}
	return -1
}

// djangoAllowAll are django-cors-headers' settings that allow every origin
// when True (the second is the pre-3.0 name).
var djangoAllowAll = map[string]bool{"CORS_ALLOW_ALL_ORIGINS": true, "CORS_ORIGIN_ALLOW_ALL": true}

func (fp *filePass) assignment(n syntax.Node) {
	left := n.ChildByField(syntax.FieldLeft)
	right := n.ChildByField(syntax.FieldRight)
	if right.IsZero() {
		return
	}
	if left.Is(syntax.KindSubscript) {
		// resp.headers["Access-Control-Allow-Origin"] = "*"
		fp.header(n, left.ChildByField(syntax.FieldSubscript), right)
		return
	}
	if !left.Is(syntax.KindIdentifier) || fp.pass.Names.ScopeAt(n).Kind != names.ModuleScope {
		return
	}
	name := left.Text()
	if !bytes.HasPrefix(name, []byte("CORS_")) {
		return
	}
	switch s := string(name); {
	case djangoAllowAll[s]:
		if fp.isTrue(right) {
			fp.django = append(fp.django, djangoSetting{at: n, msg: s + " = True lets every web origin call the service", fix: fp.fixer().djangoAllowAll(n)})
		}
	case s == "CORS_ALLOW_CREDENTIALS":
		fp.djangoCreds = fp.djangoCreds || fp.isTrue(right)
	case s == "CORS_ALLOWED_ORIGINS" || s == "CORS_ORIGIN_WHITELIST":
		fp.djangoOrigins(right, djangoOrigins, s)
	case s == "CORS_ALLOWED_ORIGIN_REGEXES" || s == "CORS_ORIGIN_REGEX_WHITELIST":
		fp.djangoOrigins(right, djangoRegexes, s)
	}
}

// djangoOrigins reports a wildcard in a django-cors-headers origins
// setting; the severity waits for CORS_ALLOW_CREDENTIALS (anywhere in the
// module).
func (fp *filePass) djangoOrigins(right syntax.Node, c check, setting string) {
	v := fp.ev.eval(right, 0)
	hit, _ := findWildcard(v, c)
	if hit == nil {
		return
	}
	at := right
	if !hit.at.IsZero() && right.Contains(hit.at) {
		at = hit.at
	}
	fp.django = append(fp.django, djangoSetting{at: at, msg: wildcardMessage(c, setting, hit.s, hit.via, hit.envVar, hit.env, ""), fix: fp.fixer().wildcard(right, *hit, c)})
}
