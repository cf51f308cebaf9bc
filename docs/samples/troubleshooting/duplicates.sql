-- The query a DuplicateKeysError prints, for a unique on ad_counter (ad_id, day):
SELECT ad_counter.ad_id, ad_counter.day, count(*) AS rows
FROM ad_counter
WHERE ad_counter.ad_id IS NOT NULL AND ad_counter.day IS NOT NULL
GROUP BY ad_counter.ad_id, ad_counter.day
HAVING count(*) > 1
ORDER BY rows DESC;
