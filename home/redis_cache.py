"""Django's Redis cache with one client per process instead of one per call.

Django's RedisCacheClient builds a new ``redis.Redis`` object for every cache call (about 85 µs
each here, and a page makes a dozen calls). A ``redis.Redis`` is thread-safe and keeps its own
connection pool, which redis-py replaces after a fork, so one per server and process is enough.
"""

import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property

_clients = {}
_clients_lock = threading.Lock()


class SharedRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._redis_clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._redis_clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._redis_clients[index] = client
        return client


class SharedRedisCache(RedisCache):
    """Use as the cache BACKEND; every thread of the process shares one client per server."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedRedisCacheClient

    @cached_property
    def _cache(self):
        key = (tuple(self._servers), repr(sorted(self._options.items())))
        client = _clients.get(key)
        if client is None:
            with _clients_lock:
                client = _clients.setdefault(key, self._class(self._servers, **self._options))
        return client
