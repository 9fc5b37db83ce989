#!/usr/bin/env bash
# Starts a private OpenLDAP server (Debian's slapd) for the LDAP directory's tests and prints the
# settings they read, as shell exports on stdout; everything else goes to stderr:
#
#   ldap_env="$(bash .ci/slapd.sh)"    # a plain assignment, so `set -e` stops on a failure here
#   eval "$ldap_env"                   # then: mvn ... (the tests read the OPENST_TEST_LDAP_* variables)
#
# Not the system's slapd: its own cn=config folder and database under $OPENST_SLAPD_DIR
# (default /tmp/openst-slapd), listening on ldap://127.0.0.1:$OPENST_SLAPD_PORT/ only (default
# 3389), loaded with bundles/directory-ldap/src/test/resources/openst-test.ldif (suffix
# dc=openst,dc=test). Re-runnable: a server this script started before is stopped and the folder
# rebuilt from scratch, so every run starts from the same data. Installs slapd and ldap-utils when
# missing, with debconf told not to configure a system directory (the package's own server then
# has no database and stays out of the way). Run it as root, or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${OPENST_SLAPD_DIR:-/tmp/openst-slapd}"
PORT="${OPENST_SLAPD_PORT:-3389}"
SUFFIX="dc=openst,dc=test"
LDIF="$PWD/bundles/directory-ldap/src/test/resources/openst-test.ldif"
URL="ldap://127.0.0.1:$PORT/"

log() { echo "slapd.sh: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in slapd ldap-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  echo "slapd slapd/no_configuration boolean true" | $SUDO debconf-set-selections
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi

# Stop the server of a previous run (its pid file is in the folder), then start from scratch.
if [ -f "$DIR/slapd.pid" ]; then
  pid="$(cat "$DIR/slapd.pid")"
  if $SUDO kill "$pid" 2>/dev/null; then
    log "stopping the previous test slapd ($pid)"
    for _ in $(seq 1 100); do
      $SUDO kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
fi
$SUDO rm -rf "$DIR"
$SUDO mkdir -p "$DIR/slapd.d" "$DIR/db"

# cn=config: the standard schemas, one MDB database for the suffix. Anonymous clients may only
# bind (and read the root DSE); bound users read everything except passwords.
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
cat >"$config" <<LDIF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $DIR/slapd.pid
olcArgsFile: $DIR/slapd.args

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/nis.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcAccess: {0}to dn.base="" by * read
olcAccess: {1}to dn.base="cn=Subschema" by * read

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: $SUFFIX
olcRootDN: cn=admin,$SUFFIX
olcRootPW: admin-pw
olcDbDirectory: $DIR/db
olcDbMaxSize: 104857600
olcDbIndex: objectClass eq
olcDbIndex: uid,mail,cn eq,sub
olcAccess: {0}to attrs=userPassword by anonymous auth by * none
olcAccess: {1}to * by users read by * none
LDIF
$SUDO slapadd -q -n 0 -F "$DIR/slapd.d" -l "$config" >&2
$SUDO slapadd -q -n 1 -F "$DIR/slapd.d" -l "$LDIF" >&2

# As the package's unprivileged account when it exists (it does once slapd is installed).
run_as=()
if getent passwd openldap >/dev/null; then
  $SUDO chown -R openldap:openldap "$DIR"
  run_as=(-u openldap -g openldap)
fi
log "starting slapd on $URL (folder $DIR)"
$SUDO /usr/sbin/slapd -h "$URL" -F "$DIR/slapd.d" "${run_as[@]}" >&2

for _ in $(seq 1 100); do
  if ldapsearch -x -LLL -H "$URL" -s base -b "" namingContexts >/dev/null 2>&1; then break; fi
  sleep 0.1
done
# The data is there and the service account can search it.
ldapsearch -x -LLL -H "$URL" -D "cn=reader,ou=services,$SUFFIX" -w reader-pw -b "ou=people,$SUFFIX" "(uid=dave)" dn >&2

log "slapd ready on $URL, suffix $SUFFIX"
printf 'export OPENST_TEST_LDAP_URL=%q\n' "ldap://127.0.0.1:$PORT"
printf 'export OPENST_TEST_LDAP_BIND_DN=%q\n' "cn=reader,ou=services,$SUFFIX"
printf 'export OPENST_TEST_LDAP_BIND_PASSWORD=%q\n' "reader-pw"
printf 'export OPENST_TEST_LDAP_BASE_DN=%q\n' "$SUFFIX"
