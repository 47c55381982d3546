import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Deadline } from '../../app/plan-file';
import type { DeadlineCategory } from '../../model/vocabulary';
import { CATEGORY_LABELS } from '../../model/labels';
import { formatDate, useI18n } from '../i18n';

const COLORS: Record<DeadlineCategory, BadgeProps['color']> = {
  due: 'warning',
  ongoing: 'success',
  periodic: 'brand',
  external: 'informative',
  none: 'danger',
};

/** One deadline as a chip: the date when known, otherwise the kind of deadline. */
export function DeadlineChip({ deadline }: { deadline: Deadline }) {
  const { lang } = useI18n();
  const kind = CATEGORY_LABELS[deadline.category][lang];
  const text = deadline.due ? formatDate(lang, deadline.due) : kind;
  return (
    <Badge
      appearance="tint"
      color={COLORS[deadline.category]}
      shape="rounded"
      title={deadline.raw || kind}
      data-category={deadline.category}
    >
      {text}
    </Badge>
  );
}
