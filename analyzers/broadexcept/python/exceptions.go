package python

import "strings"

// The table of known exception types that the fix narrows a broad handler
// to. A call is "known" when it is listed here (by qualified name), when it
// is a method call on an object of a library listed in libraries (a client,
// session or response made by that library), or when it cannot raise
// anything a handler would want (noRaise). Every exception is a qualified
// name; builtins are "builtins.X".

// calls maps a function's qualified name to what it raises.
var calls = map[string][]string{
	"json.loads": {"json.JSONDecodeError"},
	"json.load":  {"json.JSONDecodeError", "builtins.OSError"},
	// int() of an infinite float or Decimal, float() of a huge int: OverflowError.
	"builtins.int":   {"builtins.ValueError", "builtins.TypeError", "builtins.OverflowError"},
	"builtins.float": {"builtins.ValueError", "builtins.TypeError", "builtins.OverflowError"},
	// Building a container from a value that is not iterable (None, a
	// number) raises TypeError; dict() from pairs also ValueError.
	"builtins.set":    {"builtins.TypeError"},
	"builtins.list":   {"builtins.TypeError"},
	"builtins.tuple":  {"builtins.TypeError"},
	"builtins.sorted": {"builtins.TypeError"},
	"builtins.dict":   {"builtins.TypeError", "builtins.ValueError"},
	"builtins.open":   {"builtins.OSError"},
	// Decimal("x") raises InvalidOperation, Decimal(None) TypeError,
	// Decimal([]) ValueError; what is done with the value next (arithmetic,
	// quantize) raises the other decimal signals — decimal.Overflow,
	// DivisionByZero —, all ArithmeticErrors.
	"decimal.Decimal": {"builtins.ArithmeticError", "builtins.TypeError", "builtins.ValueError"},
	// UUID("zz") raises ValueError, UUID(None) TypeError, UUID(5) and
	// UUID({}) AttributeError (a str method called on the value).
	"uuid.UUID":                       {"builtins.AttributeError", "builtins.TypeError", "builtins.ValueError"},
	"datetime.datetime.strptime":      {"builtins.ValueError"},
	"datetime.datetime.fromisoformat": {"builtins.ValueError"},
	"datetime.date.fromisoformat":     {"builtins.ValueError"},
	"base64.b64decode":                {"builtins.ValueError"}, // binascii.Error is a ValueError
	"base64.urlsafe_b64decode":        {"builtins.ValueError"},
	"os.remove":                       {"builtins.OSError"},
	"os.unlink":                       {"builtins.OSError"},
	"os.makedirs":                     {"builtins.OSError"},
	"os.mkdir":                        {"builtins.OSError"},
	"os.rename":                       {"builtins.OSError"},
	"os.replace":                      {"builtins.OSError"},
	"os.listdir":                      {"builtins.OSError"},
	"os.stat":                         {"builtins.OSError"},
	"shutil.rmtree":                   {"builtins.OSError"},
	"shutil.copy":                     {"builtins.OSError"},
	"shutil.copyfile":                 {"builtins.OSError"},
	"shutil.move":                     {"builtins.OSError"},
	"yaml.safe_load":                  {"yaml.YAMLError"},
	"yaml.load":                       {"yaml.YAMLError"},
}

// libraries maps a library's top-level module to the base exception its
// functions, clients and responses raise. Calls of the library's functions
// and methods of the objects they return are covered by it.
var libraries = map[string]string{
	"httpx":    "httpx.HTTPError",
	"requests": "requests.RequestException",
	// A file object's methods.
	"builtins.open": "builtins.OSError",
	// google.cloud.* clients (bigquery, storage, firestore, pubsub, ...).
	"google.cloud": "google.api_core.exceptions.GoogleAPIError",
}

// libraryExtra are exceptions a library's calls raise that its base
// exception does not cover: a Google Cloud client that cannot find or
// refresh credentials raises google.auth's errors, not GoogleAPIError.
var libraryExtra = map[string][]string{
	"google.cloud": {"google.auth.exceptions.GoogleAuthError"},
}

// libraryMethodExtra are exceptions that methods of a library's objects
// raise besides its base exception: an httpx response's .json() raises
// json.JSONDecodeError (requests' own JSONDecodeError is a
// RequestException).
var libraryMethodExtra = map[string]map[string][]string{
	"httpx": {"json": {"json.JSONDecodeError"}},
}

// noRaise are calls that raise nothing a handler is written for (they fail
// only on programming errors, which narrowing is meant to let through).
var noRaise = map[string]bool{
	"builtins.len": true, "builtins.str": true, "builtins.repr": true, "builtins.bool": true,
	"builtins.isinstance": true, "builtins.issubclass": true, "builtins.range": true,
	"builtins.enumerate": true, "builtins.zip": true,
	"builtins.reversed": true, "builtins.print": true, "builtins.id": true, "builtins.type": true,
	"builtins.abs": true, "builtins.round": true, "builtins.hasattr": true,
	"os.getenv": true, "os.environ.get": true, "os.path.join": true, "os.path.exists": true,
	"time.time": true, "time.monotonic": true, "time.perf_counter": true,
	"datetime.datetime.now": true, "datetime.datetime.utcnow": true,
}

// subsumes lists, for an exception, the more general ones that cover it, so
// that the narrowed tuple holds no type twice.
var subsumes = map[string][]string{
	"json.JSONDecodeError":     {"builtins.ValueError"},
	"builtins.KeyError":        {"builtins.LookupError"},
	"builtins.IndexError":      {"builtins.LookupError"},
	"decimal.InvalidOperation": {"builtins.ArithmeticError"},
	"builtins.OverflowError":   {"builtins.ArithmeticError"},
}

// libraryCall reports whether a call of q, in library lib, is one whose
// errors the library's base exception covers: any function of httpx or
// requests, a file object's methods, but under google.cloud only the client
// constructors (`bigquery.Client()`, `storage.Client()`, ...) and, through
// libraryOfValue, the methods of the clients and what they return — other
// google.cloud helpers (ndb.RedisCache.from_environment, ...) raise other
// errors.
func libraryCall(lib, q string) bool {
	if lib != "google.cloud" {
		return lib != ""
	}
	return strings.HasSuffix(q, "Client")
}

// libraryOf returns the library in libraries that a qualified name belongs
// to ("httpx.get" → "httpx", "google.cloud.bigquery.Client" →
// "google.cloud").
func libraryOf(q string) string {
	for lib := range libraries {
		if q == lib || strings.HasPrefix(q, lib+".") {
			return lib
		}
	}
	return ""
}
