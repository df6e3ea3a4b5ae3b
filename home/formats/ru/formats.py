# "E" is the month in the genitive (Django's "alt. month"): 20 ноября 2026.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, G:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
