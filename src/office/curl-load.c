/* Loading libcurl at the first request (see curl-load.h). */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>

#include "common/i18n.h"
#include "common/log.h"
#include "common/xmalloc.h"
#include "office/curl-load.h"

/* The soname of libcurl 7 and 8, stable since 2006. */
#define CURL_LOAD_SONAME	"libcurl.so.4"

struct curl_library curl;

int
curl_load(char **cause)
{
	static void	*lib;

	if (lib != NULL)
		return 0;
	if ((lib = dlopen(CURL_LOAD_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		*cause = xasprintf(_("Cannot load %s, which sync and text "
		    "messages need: %s"), CURL_LOAD_SONAME, dlerror());
		return -1;
	}
	*(void **)&curl.init = dlsym(lib, "curl_easy_init");
	*(void **)&curl.setopt = dlsym(lib, "curl_easy_setopt");
	*(void **)&curl.perform = dlsym(lib, "curl_easy_perform");
	*(void **)&curl.getinfo = dlsym(lib, "curl_easy_getinfo");
	*(void **)&curl.strerror = dlsym(lib, "curl_easy_strerror");
	*(void **)&curl.cleanup = dlsym(lib, "curl_easy_cleanup");
	*(void **)&curl.append = dlsym(lib, "curl_slist_append");
	*(void **)&curl.free_all = dlsym(lib, "curl_slist_free_all");
	*(void **)&curl.getdate = dlsym(lib, "curl_getdate");
	if (curl.init == NULL || curl.setopt == NULL || curl.perform == NULL ||
	    curl.getinfo == NULL || curl.strerror == NULL ||
	    curl.cleanup == NULL || curl.append == NULL ||
	    curl.free_all == NULL || curl.getdate == NULL)
		fatal("%s lacks a function loket needs", CURL_LOAD_SONAME);
	return 0;
}
