// Lines of text with only the visible ones drawn, each cut to the width.

import { Box, Text } from 'ink';
import React from 'react';
import { sanitizeText } from '../../../text/sanitize.js';
import { truncateToWidth } from '../../../text/width.js';

export interface ScrollViewProps {
  lines: readonly string[];
  offset: number;
  height: number;
  width: number;
}

export function ScrollView({ lines, offset, height, width }: ScrollViewProps): React.JSX.Element {
  const shown = lines.slice(offset, offset + Math.max(0, height));
  return (
    <Box flexDirection="column" width={width} height={Math.max(0, height)}>
      {shown.map((line, i) => (
        <Text key={offset + i} wrap="truncate">
          {truncateToWidth(sanitizeText(line), width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
