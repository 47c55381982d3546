import { OfficeMockObject } from 'office-addin-mock';

// Proves Jest can load office-addin-mock and its ES-module dependencies.
describe('office-addin-mock under Jest', () => {
  it('records values written to a mocked range and returns them after sync', async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: { range: { values: [[0]], load(): void {} } },
        sync: async (): Promise<void> => {},
      },
    }) as unknown as {
      context: { workbook: { range: { values: unknown[][]; load(p: string): void } }; sync(): Promise<void> };
    };
    mock.context.workbook.range.values = [['Đã hoàn thành']];
    mock.context.workbook.range.load('values');
    await mock.context.sync();
    expect(mock.context.workbook.range.values).toEqual([['Đã hoàn thành']]);
  });
});
