// SQLite from Debian's libsqlite3-dev: used only by `cadredesk bench` as the
// baseline our log and dashboard are measured against in the same run.
#include <sqlite3.h>
