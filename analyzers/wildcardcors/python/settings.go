package python

import (
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// A project with a settings object keeps its allowed origins there
// (`settings.BACKEND_CORS_ORIGINS`, `settings.all_cors_origins`,
// `config.CORS_ORIGINS`): the fix uses that setting when the file imports
// the object and the object has one, a list of strings, rather than the
// configured expression, which reads a variable no deployment of that
// project sets.
//
// Two halves meet in the project phase. Every file exports the settings it
// defines (settingsFact): its module-level instances of settings classes
// (pydantic BaseSettings subclasses, classes named *Settings or *Config)
// with their origins attributes, and, for a settings module (settings.py,
// config.py, ...), its module-level origins constants. The file with the
// finding builds the fix once per settings object it imports and origins
// name (originsNames, in order of preference) and exports the finding
// with those alternatives (pendingReport); the project phase keeps the
// first alternative whose setting exists, else the configured expression's
// fix, and says in the message when the object exists but holds no usable
// origins.

// originsNames are the names of an origins setting, in order of
// preference; each is also tried in upper case. `all_cors_origins` first:
// projects that have it derive it (as a list of strings) from a raw
// setting beside it.
var originsNames = []string{
	"all_cors_origins", "cors_allowed_origins", "cors_origins", "allowed_origins",
	"cors_allow_origins", "allow_origins", "backend_cors_origins", "allowed_cors_origins",
	"cors_origins_list", "cors_origin_whitelist",
}

var isOriginsName = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range originsNames {
		m[n], m[strings.ToUpper(n)] = true, true
	}
	return m
}()

// stringListType matches annotations of a list of strings, the type
// Starlette, flask-cors and Django take for origins (`list[str]`,
// `List[str]`, `Sequence[str]`, `set[str]`, `tuple[str, ...]`). A `str`
// (a comma-separated value) or `list[AnyUrl]` is not usable as it is.
var stringListType = regexp.MustCompile(`^(?:typing\.)?(?:list|List|Sequence|set|Set|frozenset|FrozenSet|tuple|Tuple)\[str(?:,\.\.\.)?\]$`)

// settingsFact is what a file defines that a fix may read origins from.
type settingsFact struct {
	// Objects are the module-level names of settings objects ("settings");
	// moduleObject stands for the module itself when it is a settings
	// module.
	Objects []string
	// Origins are the usable origins settings, as dotted names in the
	// module: "settings.all_cors_origins", "CORS_ORIGINS".
	Origins []string
}

// moduleObject is the name a settings module is recorded under among its
// own objects.
const moduleObject = "__module__"

// settingsModule reports whether the file's module is one that holds a
// project's settings as module constants (Django's settings, config.py).
func settingsModule(mod string) bool {
	last := mod[strings.LastIndexByte(mod, '.')+1:]
	switch last {
	case "settings", "config", "conf", "configuration", "core_settings", "app_settings":
		return true
	}
	return false
}

// exportSettings fills the fact's settings part.
func (fp *filePass) exportSettings() {
	root := fp.pass.File.Root
	classes := map[string]syntax.Node{}
	for c := range root.NamedChildren() {
		if d := definition(c); d.Is(syntax.KindClassDefinition) {
			classes[string(d.ChildByField(syntax.FieldName).Text())] = d
		}
	}
	s := &fp.fact.Settings
	if settingsModule(fp.pass.Module) {
		for c := range root.NamedChildren() {
			if name, ok := originsAssignment(c); ok {
				s.Origins = append(s.Origins, name)
			}
		}
		if len(s.Origins) > 0 {
			s.Objects = append(s.Objects, moduleObject)
		}
	}
	// Flask configuration classes (`app.config.from_object(Config)` reads
	// their upper-case attributes); not pydantic's, whose fields are no
	// class attributes.
	for name, cls := range classes {
		if !settingsClass(cls, classes, 0) || derivesFrom(cls, classes, []string{"BaseSettings", "BaseModel"}, 0) {
			continue
		}
		var attrs []string
		for st := range cls.ChildByField(syntax.FieldBody).NamedChildren() {
			if a, ok := originsAssignment(st); ok && a == strings.ToUpper(a) {
				attrs = append(attrs, name+"."+a)
			}
		}
		s.Objects = append(s.Objects, name)
		s.Origins = append(s.Origins, attrs...)
	}
	for c := range root.NamedChildren() {
		if !c.Is(syntax.KindExpressionStatement) {
			continue
		}
		a := c.FirstNamedChild()
		if !a.Is(syntax.KindAssignment) || !a.ChildByField(syntax.FieldLeft).Is(syntax.KindIdentifier) {
			continue
		}
		call := a.ChildByField(syntax.FieldRight)
		if !call.Is(syntax.KindCall) {
			continue
		}
		cls, ok := classes[string(call.ChildByField(syntax.FieldFunction).Text())]
		if !ok || !settingsClass(cls, classes, 0) {
			continue
		}
		obj := string(a.ChildByField(syntax.FieldLeft).Text())
		s.Objects = append(s.Objects, obj)
		for _, attr := range classOrigins(cls, classes, 0) {
			s.Origins = append(s.Origins, obj+"."+attr)
		}
	}
}

// definition is the class or function a module-level statement defines
// (under its decorators), or the zero Node.
func definition(n syntax.Node) syntax.Node {
	if n.Is(syntax.KindDecoratedDefinition) {
		n = n.ChildByField(syntax.FieldDefinition)
	}
	if n.Is(syntax.KindClassDefinition) || n.Is(syntax.KindFunctionDefinition) {
		return n
	}
	return syntax.Node{}
}

// settingsClass reports whether cls is a settings class: named *Settings
// or *Config, or derived from one (pydantic's BaseSettings, a class of the
// file that is one).
func settingsClass(cls syntax.Node, classes map[string]syntax.Node, depth int) bool {
	if depth > 4 {
		return false
	}
	isName := func(s string) bool { return strings.HasSuffix(s, "Settings") || strings.HasSuffix(s, "Config") }
	if isName(string(cls.ChildByField(syntax.FieldName).Text())) {
		return true
	}
	for b := range cls.ChildByField(syntax.FieldSuperclasses).NamedChildren() {
		t := string(b.Text())
		if isName(t[strings.LastIndexByte(t, '.')+1:]) {
			return true
		}
		if base, ok := classes[t]; ok && settingsClass(base, classes, depth+1) {
			return true
		}
	}
	return false
}

// derivesFrom reports whether a base of cls (or of a class of the file it
// derives from) is named one of bases.
func derivesFrom(cls syntax.Node, classes map[string]syntax.Node, bases []string, depth int) bool {
	if depth > 4 {
		return false
	}
	for b := range cls.ChildByField(syntax.FieldSuperclasses).NamedChildren() {
		t := string(b.Text())
		if slices.Contains(bases, t[strings.LastIndexByte(t, '.')+1:]) {
			return true
		}
		if base, ok := classes[t]; ok && derivesFrom(base, classes, bases, depth+1) {
			return true
		}
	}
	return false
}

// classOrigins are the usable origins attributes of cls and of its bases
// defined in the file: fields annotated as a list of strings (or assigned
// a list literal of strings), and properties that return one.
func classOrigins(cls syntax.Node, classes map[string]syntax.Node, depth int) []string {
	if depth > 4 {
		return nil
	}
	var out []string
	for st := range cls.ChildByField(syntax.FieldBody).NamedChildren() {
		if name, ok := originsAssignment(st); ok {
			out = append(out, name)
			continue
		}
		d := definition(st)
		if !d.Is(syntax.KindFunctionDefinition) || !st.Is(syntax.KindDecoratedDefinition) {
			continue
		}
		name := string(d.ChildByField(syntax.FieldName).Text())
		if !isOriginsName[name] || !stringListType.MatchString(compact(d.ChildByField(syntax.FieldReturnType))) {
			continue
		}
		for dec := range st.NamedChildren() {
			if dec.Is(syntax.KindDecorator) && (strings.HasSuffix(string(dec.Text()), "property") || strings.Contains(string(dec.Text()), "computed_field")) {
				out = append(out, name)
				break
			}
		}
	}
	for b := range cls.ChildByField(syntax.FieldSuperclasses).NamedChildren() {
		if base, ok := classes[string(b.Text())]; ok {
			out = append(out, classOrigins(base, classes, depth+1)...)
		}
	}
	return out
}

// originsAssignment is the name an origins setting statement st assigns:
// `NAME: list[str] = ...` (or without a value, a pydantic field), or
// `NAME = ["https://a.example", ...]`.
func originsAssignment(st syntax.Node) (string, bool) {
	if !st.Is(syntax.KindExpressionStatement) {
		return "", false
	}
	a := st.FirstNamedChild()
	left := a.ChildByField(syntax.FieldLeft)
	if !a.Is(syntax.KindAssignment) || !left.Is(syntax.KindIdentifier) || !isOriginsName[string(left.Text())] {
		return "", false
	}
	if t := a.ChildByField(syntax.FieldType); !t.IsZero() {
		return string(left.Text()), stringListType.MatchString(compact(t))
	}
	right := a.ChildByField(syntax.FieldRight)
	if !right.Is(syntax.KindList) && !right.Is(syntax.KindTuple) {
		return "", false
	}
	for e := range right.NamedChildren() {
		if e.Is(syntax.KindComment) {
			continue
		}
		if v, ok := e.StringLiteral(); !ok || v == "*" {
			return "", false // not strings, or a wildcard: nothing to fix with
		}
	}
	return string(left.Text()), true
}

// compact is n's text without whitespace.
func compact(n syntax.Node) string {
	return strings.Join(strings.Fields(string(n.Text())), "")
}

// settingsChoice is a fix's alternatives that read origins from a settings
// object the file imports.
type settingsChoice struct {
	Alts []settingsAlt
	// Silence are settings that, when they exist, mean the finding is
	// wrong (a Flask configuration object's CORS_ORIGINS).
	Silence []project.Ref
	// Objects are the settings objects the file imports (for the message
	// when none of them has an origins setting).
	Objects []settingsObject
}

type settingsAlt struct {
	Ref  project.Ref // the setting: "app.core.config.settings.all_cors_origins"
	Expr string      // as the fix writes it: "settings.all_cors_origins"
	Fix  *lint.Fix
}

type settingsObject struct {
	Ref  project.Ref // "lnbits.settings.settings", or a module: "app.config"
	Name string      // as the file names it
}

// settingsImports are the module-level imports of the file that may be a
// settings object or module: names containing "settings" or "config", or
// `conf` / `cfg`, visible at n under their own name.
func (fx *fixer) settingsImports(n syntax.Node) []*names.Binding {
	var out []*names.Binding
	for _, b := range fx.fp.pass.Names.Imports {
		l := strings.ToLower(b.Name)
		if b.TypeOnly || b.Scope.Kind != names.ModuleScope || b.Qualified == "" ||
			!(strings.Contains(l, "settings") || strings.Contains(l, "config") || l == "conf" || l == "cfg") {
			continue
		}
		if e, imp, ok := fx.ed.Ref(b.Qualified, n); ok && imp == nil && e == b.Name {
			out = append(out, b)
		}
	}
	return out
}

// withSettings returns the alternatives of the fix build makes at n, one
// per settings object the file imports and origins name; nil when the
// file imports none.
func (fx *fixer) withSettings(n syntax.Node, build func(expr string, imports []lint.Edit) *lint.Fix) *settingsChoice {
	bs := fx.settingsImports(n)
	c := &settingsChoice{}
	for _, b := range bs {
		c.Objects = append(c.Objects, settingsObject{Ref: project.ImportedRef(b.Qualified), Name: b.Name})
	}
	// A Flask app configured from an object (`app.config.from_object(
	// Config)` before the `CORS(app)` call): its upper-case origins setting
	// through `app.config`, and no finding when it sets CORS_ORIGINS, which
	// flask-cors reads itself.
	if app := n.ChildByField(syntax.FieldArguments).PositionalArg(0); n.Is(syntax.KindCall) && app.Is(syntax.KindIdentifier) {
		for _, q := range fx.fromObjects(app, n) {
			c.Objects = append(c.Objects, settingsObject{Ref: project.ImportedRef(q), Name: q[strings.LastIndexByte(q, '.')+1:]})
			c.Silence = append(c.Silence, project.ImportedRef(q+".CORS_ORIGINS"))
			for _, name := range originsNames {
				attr := strings.ToUpper(name)
				expr := string(app.Text()) + `.config["` + attr + `"]`
				if f := build(expr, nil); f != nil {
					c.Alts = append(c.Alts, settingsAlt{Ref: project.ImportedRef(q + "." + attr), Expr: expr, Fix: f})
				}
			}
		}
	}
	for _, name := range originsNames {
		for _, attr := range []string{name, strings.ToUpper(name)} {
			for _, b := range bs {
				expr := b.Name + "." + attr
				if f := build(expr, nil); f != nil {
					c.Alts = append(c.Alts, settingsAlt{Ref: project.ImportedRef(b.Qualified + "." + attr), Expr: expr, Fix: f})
				}
			}
		}
	}
	if len(c.Objects) == 0 {
		return nil
	}
	return c
}

// fromObjects are the qualified names of the objects the file's
// `app.config.from_object(...)` calls load into app before call: an
// imported class or module, or the dotted name given as a string.
func (fx *fixer) fromObjects(app, call syntax.Node) []string {
	want := string(app.Text()) + ".config.from_object"
	var out []string
	for _, c := range fx.fp.pass.Nodes(syntax.KindCall) {
		if c.Start() >= call.Start() || compact(c.ChildByField(syntax.FieldFunction)) != want {
			continue
		}
		args := c.ChildByField(syntax.FieldArguments)
		arg := args.PositionalArg(0)
		if s, ok := arg.StringLiteral(); ok {
			if s != "" && !strings.ContainsAny(s, " :/") {
				out = append(out, s)
			}
			continue
		}
		if q, ok := fx.fp.pass.Names.QualifiedName(arg); ok {
			if b := fx.fp.pass.Names.Lookup(firstName(arg)); b != nil && b.Kind == names.Import {
				out = append(out, q)
			}
		}
	}
	return out
}

// firstName is the identifier an attribute chain starts with.
func firstName(n syntax.Node) syntax.Node {
	for n.Is(syntax.KindAttribute) {
		n = n.ChildByField(syntax.FieldObject)
	}
	return n
}

// pendingReport is a finding whose fix waits for the project phase: the
// settings its alternatives read may exist in another file.
type pendingReport struct {
	Range    lint.Range
	Severity lint.Severity
	Message  string
	Fix      *lint.Fix // with the configured expression
	Choice   settingsChoice
	// Withheld says why Fix is not made unless a settings alternative is
	// (deploy.go: nothing in the deployment sets the variable it reads),
	// for the message; "" when it is made.
	Withheld string
}

// reportPending reports the file's pending findings with the fix the
// project's settings allow.
func reportPending(pass *pyanalysis.ProjectPass, path string, p pendingReport, origins, objects *project.Defs[bool], tests map[string][]string) {
	for _, r := range p.Choice.Silence {
		if _, _, ok := origins.Lookup(path, r); ok {
			return
		}
	}
	d := lint.Diagnostic{Rule: pass.Analyzer.Rule, Language: lint.Python, Path: path, Range: p.Range,
		Message: p.Message, Severity: p.Severity, Fix: p.Fix}
	if p.Fix != nil || len(p.Choice.Alts) > 0 {
		if t := testedWildcard(path, tests); t != "" {
			// The wildcard is what the project tests for (deploy.go).
			d.Fix = nil
			d.Message += "; no fix: " + t + " asserts the wildcard Access-Control-Allow-Origin header on this app"
			pass.Report(d)
			return
		}
	}
	for _, a := range p.Choice.Alts {
		if _, _, ok := origins.Lookup(path, a.Ref); ok {
			d.Fix = a.Fix
			pass.Report(d)
			return
		}
	}
	if p.Withheld != "" {
		d.Fix = nil
		d.Message += p.Withheld
		pass.Report(d)
		return
	}
	for _, o := range p.Choice.Objects {
		_, def, ok := objects.Lookup(path, o.Ref)
		if !ok {
			// `from app import config`: the module itself.
			_, def, ok = objects.Lookup(path, project.ImportedRef(o.Ref.Name+"."+moduleObject))
		}
		if ok {
			d.Message += "; `" + o.Name + "` (" + def + ") holds no list of allowed origins for the fix to use" +
				" (an origins setting of strings, such as cors_origins), so it uses the configured origins expression"
			break
		}
	}
	pass.Report(d)
}
