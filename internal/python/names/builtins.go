package names

// builtins are the names of Python 3's builtins module (functions, types,
// exceptions and constants) that code refers to without importing them.
var builtins = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{
		"abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
		"bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits",
		"delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float",
		"format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input",
		"int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
		"memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property",
		"quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
		"staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
		"__build_class__", "__debug__", "__name__", "__file__", "__doc__", "__spec__",
		"__loader__", "__package__", "__builtins__",
		"None", "True", "False", "Ellipsis", "NotImplemented",
		"BaseException", "BaseExceptionGroup", "Exception", "ExceptionGroup", "ArithmeticError",
		"AssertionError", "AttributeError", "BlockingIOError", "BrokenPipeError", "BufferError",
		"BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
		"ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError",
		"EncodingWarning", "EnvironmentError", "FileExistsError", "FileNotFoundError",
		"FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
		"ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
		"KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
		"NameError", "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError",
		"PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "PythonFinalizationError",
		"RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
		"StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
		"SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
		"UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
		"UnicodeWarning", "UserWarning", "ValueError", "Warning", "WindowsError", "ZeroDivisionError",
	} {
		m[n] = true
	}
	return m
}()

// IsBuiltin reports whether name is one of Python's builtins.
func IsBuiltin(name string) bool { return builtins[name] }
