import sys

print "python 2 statement"  # want "`print` statement"
print >>sys.stderr, "to a file"
