import { describe, expect, test } from 'vitest';
import { findAgentFacts, mergeAgentFacts } from '../../../src/lib/agent-identity';

describe('findAgentFacts', () => {
  test.each([
    ['客服小美为您服务', '小美', null],
    ['您好，客服小美很高兴为您服务，请问有什么可以帮您？', '小美', null],
    ['我是客服李明，工号 10086', '李明', '10086'],
    ['工号：A1234', null, 'A1234'],
    ['客服小王已接入', '小王', null],
    ['1024号客服为您服务', null, '1024'],
    ["Hi, I'm Lily, agent ID A-1234. How can I help?", 'Lily', 'A-1234'],
    ['My name is John Smith and I will help you today', 'John Smith', null],
    ['You are now chatting with Sarah', 'Sarah', null],
    ['Agent Tom has joined the chat', 'Tom', null],
    ['Employee number: 778899', null, '778899'],
    ['Hello, this is card services, employee ID A1024. How can I help you?', null, 'A1024'],
    ['This is Card Services, how can I help?', null, null],
    ['Hi, this is Customer Care.', null, null],
    ['This is Sarah from support', 'Sarah', null],
  ])('%s', (text, name, employeeId) => {
    const f = findAgentFacts(text);
    expect(f.name).toBe(name);
    expect(f.employeeId).toBe(employeeId);
  });

  test('finds case and ticket numbers', () => {
    expect(findAgentFacts('Your case number is 5512.').caseNumber).toBe('5512');
    expect(findAgentFacts('Ticket #CS-88231 has been created').caseNumber).toBe('CS-88231');
    expect(findAgentFacts('已为您登记，工单号：GD20240501').caseNumber).toBe('GD20240501');
  });

  test('does not take ordinary sentences for names or numbers', () => {
    const none = { name: null, employeeId: null, caseNumber: null };
    expect(findAgentFacts("I'm sorry to hear that.")).toEqual(none);
    expect(findAgentFacts('I am happy to help you with the bill')).toEqual(none);
    expect(findAgentFacts('我是想问一下账单的事情')).toMatchObject({ employeeId: null, caseNumber: null });
    expect(findAgentFacts('请问您的账单金额是多少？')).toEqual(none);
    expect(findAgentFacts('This is the case for many customers')).toEqual(none);
  });

  test('merging keeps known fields and fills new ones', () => {
    const a = mergeAgentFacts({ name: '小美', employeeId: null, caseNumber: null }, { name: null, employeeId: '10086', caseNumber: null });
    expect(a).toEqual({ name: '小美', employeeId: '10086', caseNumber: null });
  });
});
