import { Admin } from 'kafkajs';

export interface TopicLag {
  topic: string;
  /** Messages on the topic's partitions after the group's committed offsets. */
  lag: number;
}

/**
 * How far a consumer group is behind, per topic it has committed offsets on. A partition the
 * group never committed on counts from its low watermark (a new group starts at the beginning).
 */
export async function consumerGroupLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<TopicLag[]> {
  if (topics.length === 0) return [];
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  return Promise.all(
    committed.map(async ({ topic, partitions }) => {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, entry]));
      let lag = 0;
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition);
        if (!end) continue;
        const from = Number(offset) >= 0 ? Number(offset) : Number(end.low);
        lag += Math.max(0, Number(end.high) - from);
      }
      return { topic, lag };
    }),
  );
}
