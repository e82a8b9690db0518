// Boost.JSON's compiled part, built into authentik_events_benchmarks_src instead of linked
// from libboost_json.so: exactly one translation unit of a program may include this.
#include <boost/json/src.hpp>
